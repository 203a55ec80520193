import type { Nodes, Paragraph, PhrasingContent, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { cjkFriendlyExtension } from "micromark-extension-cjk-friendly";
import { joinLines } from "./text.js";

/** CommonMark with the CJK-friendly emphasis rule, so `**重点。**后文` is bold. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [cjkFriendlyExtension()] });
}

/** Raw text of inline content: images dropped, links by their text, hard breaks as newlines. */
export function rawInlineText(nodes: readonly PhrasingContent[]): string {
  let out = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "inlineCode":
        out += node.value;
        break;
      case "break":
        out += "\n";
        break;
      case "image":
      case "imageReference":
      case "html":
        break;
      default:
        if ("children" in node) out += rawInlineText(node.children);
    }
  }
  return out;
}

/**
 * The text of a paragraph's own text nodes, line breaks kept, bold and links
 * left out: where `key: value` header lines are read (`**Date:** …` is not one).
 */
export function ownText(paragraph: Paragraph): string {
  return paragraph.children.map((child) => ("value" in child ? child.value : "")).join("");
}

/**
 * Transcript markers: `[laughter]`, `[04:06]`, `[unintelligible 00:07:00]`,
 * `(applause)`, `（全场笑）`, a footnote mark `[1]`, and a translator's or editor's inline note
 * `（译者注：…）`: none of it is the speaker's words.
 */
const TRANSCRIPT_MARKER =
  /\s*[[(（](?:laughter|laughs|applause|crosstalk|music|silence|inaudible|unintelligible|(?:全场|现场|众人)?(?:笑声|掌声|鼓掌|大笑|笑))[^\])）]{0,24}[\])）]|\s*\[\d{1,2}:\d{2}(?::\d{2})?\]|\[\d{1,2}\](?!\()|\s*[(（](?:译者注|译注|编者注|编注|注)[:：][^)）]{0,200}[)）]/giu;

export function stripTranscriptMarkers(text: string): string {
  return /[[(（]/u.test(text) ? text.replace(TRANSCRIPT_MARKER, "") : text;
}

/** Display text of inline content: soft line breaks joined the CJK way, transcript markers dropped. */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  return joinLines(stripTranscriptMarkers(rawInlineText(nodes)));
}

const textCache = new WeakMap<Nodes, string>();

/** Display text of any node (headings, paragraphs, list items). */
export function nodeText(node: Nodes): string {
  if (node.type === "paragraph" || node.type === "heading") {
    // Asked of the same paragraph by every stage (labels, noise, asides, names): joined once.
    let text = textCache.get(node);
    if (text === undefined) {
      text = inlineText(node.children);
      textCache.set(node, text);
    }
    return text;
  }
  if ("children" in node) {
    return node.children
      .map((child) => nodeText(child as Nodes))
      .filter((text) => text !== "")
      .join("\n");
  }
  return "value" in node && typeof node.value === "string" ? joinLines(node.value) : "";
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** True when a paragraph is nothing but images (and the white space around them). */
export function isImageOnly(paragraph: Paragraph): boolean {
  let images = 0;
  const visit = (nodes: readonly PhrasingContent[]): boolean =>
    nodes.every((node) => {
      if (node.type === "image" || node.type === "imageReference") {
        images += 1;
        return true;
      }
      if (node.type === "text") return node.value.trim() === "";
      if (node.type === "break") return true;
      if (node.type === "link") return visit(node.children);
      return false;
    });
  return visit(paragraph.children) && images > 0;
}

/** True when every visible part of the inline content is inside `strong`: `**算力的边界**`, `**Host: Why?**`. */
export function isAllBold(nodes: readonly PhrasingContent[]): boolean {
  return isAllWrapped(nodes, "strong");
}

/** True when every visible part is in italics: an editor's aside, `*编辑补充：…*`. */
export function isAllEmphasis(nodes: readonly PhrasingContent[]): boolean {
  return isAllWrapped(nodes, "emphasis");
}

function isAllWrapped(nodes: readonly PhrasingContent[], type: "strong" | "emphasis"): boolean {
  let wrapped = false;
  const visit = (children: readonly PhrasingContent[], inside: boolean): boolean =>
    children.every((node) => {
      if (node.type === type) {
        wrapped = true;
        return visit(node.children, true);
      }
      if (node.type === "text") return inside || node.value.replace(/\*+/g, "").trim() === "";
      if (node.type === "break" || node.type === "image" || node.type === "html") return true;
      if ("children" in node) return visit(node.children, inside);
      return inside;
    });
  return visit(nodes, false) && wrapped;
}

/** The visible length of a node as `rawInlineText` counts it. */
function visibleLength(node: PhrasingContent): number {
  return rawInlineText([node]).length;
}

/**
 * The inline content without its first `count` visible characters (as
 * `rawInlineText` counts them): cuts a label off the front of a paragraph
 * whatever bold or links it spans, dropping containers left empty.
 */
export function dropVisiblePrefix(
  nodes: readonly PhrasingContent[],
  count: number,
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let left = count;
  for (const node of nodes) {
    if (left <= 0) {
      out.push(node);
      continue;
    }
    const length = visibleLength(node);
    if (length <= left) {
      left -= length;
      continue;
    }
    if (node.type === "text" || node.type === "inlineCode") {
      out.push({ ...node, value: node.value.slice(left) });
    } else if ("children" in node) {
      const children = dropVisiblePrefix(node.children as PhrasingContent[], left);
      if (children.length > 0) out.push({ ...node, children } as PhrasingContent);
    } else out.push(node);
    left = 0;
  }
  return out;
}

/** Which characters of `rawInlineText(nodes)` are inside `strong`. */
export function boldMask(nodes: readonly PhrasingContent[]): boolean[] {
  const mask: boolean[] = [];
  const visit = (children: readonly PhrasingContent[], bold: boolean): void => {
    for (const node of children) {
      if (node.type === "strong") visit(node.children, true);
      else if ("children" in node) visit(node.children as PhrasingContent[], bold);
      else for (let index = 0; index < visibleLength(node); index += 1) mask.push(bold);
    }
  };
  visit(nodes, false);
  return mask;
}
