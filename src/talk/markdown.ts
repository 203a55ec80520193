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

/** Transcript markers: `[laughter]`, `[04:06]`, `[unintelligible 00:07:00]`, `(applause)`. */
const TRANSCRIPT_MARKER =
  /\s*[[(（](?:laughter|laughs|applause|crosstalk|music|silence|inaudible|unintelligible|笑声|掌声|笑)[^\])）]{0,24}[\])）]|\s*\[\d{1,2}:\d{2}(?::\d{2})?\]/giu;

export function stripTranscriptMarkers(text: string): string {
  return text.replace(TRANSCRIPT_MARKER, "");
}

/** Display text of inline content: soft line breaks joined the CJK way, transcript markers dropped. */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  return joinLines(stripTranscriptMarkers(rawInlineText(nodes)));
}

/** Display text of any node (headings, paragraphs, list items). */
export function nodeText(node: Nodes): string {
  if (node.type === "paragraph" || node.type === "heading") return inlineText(node.children);
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
