import type { Heading, Paragraph, RootContent } from "mdast";
import { inlineText, isAllBold } from "./markdown.js";
import { isNoiseText } from "./noise.js";
import { readingLength } from "./text.js";

/**
 * A bold-only paragraph used as a section heading (WeChat articles rarely use
 * `##`): short, no sentence end, not a speaker label, not a promo line.
 */
function headingText(
  paragraph: Paragraph,
  isTurn: (paragraph: Paragraph) => boolean,
): string | undefined {
  if (!isAllBold(paragraph.children) || isTurn(paragraph)) return undefined;
  const text = inlineText(paragraph.children)
    .replace(/^\*+|\*+$/g, "")
    .trim();
  if (text === "" || isNoiseText(text)) return undefined;
  if (/[:：]$/u.test(text) || /[。！？!?.…]$/u.test(text) || readingLength(text) > 30)
    return undefined;
  return text;
}

function asHeading(text: string, from: Paragraph, to: Paragraph): Heading {
  const position =
    from.position === undefined || to.position === undefined
      ? undefined
      : { start: from.position.start, end: to.position.end };
  return {
    type: "heading",
    depth: 3,
    children: [{ type: "text", value: text }],
    ...(position ? { position } : {}),
  };
}

/**
 * Turns bold-only paragraphs into headings, joining a marker and its title
 * split over two paragraphs (`**01**` then `**算力的边界**` → `01 算力的边界`).
 * `isTurn` keeps a short question bold throughout (`**《晚点》：为什么？**`) a turn.
 */
export function promoteBoldHeadings(
  children: readonly RootContent[],
  isTurn: (paragraph: Paragraph) => boolean = () => false,
): RootContent[] {
  const out: RootContent[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index];
    if (node === undefined) continue;
    const text = node.type === "paragraph" ? headingText(node, isTurn) : undefined;
    if (node.type !== "paragraph" || text === undefined) {
      out.push(node);
      continue;
    }
    const next = children[index + 1];
    const nextText = next?.type === "paragraph" ? headingText(next, isTurn) : undefined;
    if (
      next?.type === "paragraph" &&
      nextText !== undefined &&
      /^[\d一二三四五六七八九十]+[.、)）]?$|^Part \d+$/iu.test(text)
    ) {
      out.push(asHeading(`${text} ${nextText}`, node, next));
      index += 1;
    } else out.push(asHeading(text, node, node));
  }
  return out;
}
