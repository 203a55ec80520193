import type { RootContent } from "mdast";
import { readLabel, readRoleLine } from "./labels.js";
import { isImageOnly, nodeText, rawInlineText, startLine } from "./markdown.js";
import { isNoiseText } from "./noise.js";
import { readingLength } from "./text.js";

/** The title and, when it is a line of the body, where it sits (so it is not read as speech). */
export interface FoundTitle {
  title: string;
  line?: number;
}

/** Headings that open a section, not a document: `## Abstract`, `### 概述`. */
const SECTION_NAME =
  /^(abstract|summary|notes?|transcript|introduction|intro|overview|contents|table of contents|about|background|highlights|key takeaways|show notes|chapters|概述|摘要|简介|介绍|导语|前言|目录|正文|全文|文字实录|实录|内容提要|要点|笔记)$/iu;

/** Blocks a title may come after: link-only lines, images, HTML, rules, blank paragraphs. */
function isFrontMatter(node: RootContent): boolean {
  if (node.type === "html" || node.type === "thematicBreak" || node.type === "yaml") return true;
  if (node.type !== "paragraph") return false;
  return isImageOnly(node) || nodeText(node).trim() === "";
}

/** A first line that reads as a title: one short line, no label, no sentence end, not a question. */
function titleLine(node: RootContent): string | undefined {
  if (node.type !== "paragraph") return undefined;
  const raw = rawInlineText(node.children).trim();
  if (raw === "" || raw.includes("\n")) return undefined;
  const text = nodeText(node).trim();
  if (text === "" || isNoiseText(text) || readingLength(text) > 40) return undefined;
  if (/[。.!！?？:：；;,，]$/u.test(text)) return undefined;
  if (readRoleLine(node) !== undefined || node.children.every((child) => child.type === "link"))
    return undefined;
  const label = readLabel(node);
  if (label !== undefined && label.rest.length === 0) return undefined;
  if (node.children.every((child) => child.type === "strong")) return undefined;
  return text;
}

/** A heading that titles the document rather than a section: not a question, not `Abstract`. */
function titleHeading(node: RootContent): string | undefined {
  if (node.type !== "heading" || node.depth > 3) return undefined;
  const text = nodeText(node).trim();
  if (text === "" || SECTION_NAME.test(text) || /[?？]$/u.test(text)) return undefined;
  return text;
}

/**
 * The document's title: its first level-1 heading (`#` or `===`); else the
 * front matter's `title:`; else a first line that reads as a title (a short
 * plain line, as notes apps export), or a heading that opens the document and
 * is not a section name or a question; else the file name.
 */
export function findTitle(
  children: readonly RootContent[],
  hintTitle: string | undefined,
  fallback: string,
): FoundTitle {
  const h1 = children.find((node) => node.type === "heading" && node.depth === 1);
  if (h1 !== undefined) {
    const text = nodeText(h1).trim();
    if (text !== "") return { title: text, line: startLine(h1) };
  }
  if (hintTitle !== undefined && hintTitle.trim() !== "") return { title: hintTitle.trim() };
  const first = children.find((node) => !isFrontMatter(node));
  if (first !== undefined) {
    const text = titleLine(first) ?? titleHeading(first);
    if (text !== undefined) return { title: text, line: startLine(first) };
  }
  return { title: fallback };
}
