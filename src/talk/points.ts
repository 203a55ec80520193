import type { List, ListItem, Paragraph } from "mdast";
import { inlineText, startLine } from "./markdown.js";
import type { Point } from "./model.js";
import type { Block } from "./sections.js";
import { joinLines } from "./text.js";

/** Headings that introduce the summary of key points. */
const SUMMARY_HEADING =
  /内容提要|内容摘要|要点|摘要|提要|划重点|核心观点|主要观点|key (points|takeaways)|takeaways|summary|highlights|tl;?dr/i;

/** A lead-in line such as `主要观点如下：` or `Key takeaways:` right before the list. */
const SUMMARY_LEAD_IN =
  /(观点|要点|重点|如下|以下|takeaways|key points|highlights|summary)\s*[:：]?\s*$/i;

function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === "paragraph" ? first : undefined;
}

/** `**Lead:** body` gives a lead and a body; an item without a bold lead is all lead. */
function toPoint(item: ListItem, n: number): Point | undefined {
  const paragraph = firstParagraph(item);
  if (paragraph === undefined) return undefined;
  const [head, ...rest] = paragraph.children;
  const line = startLine(item);
  if (head?.type === "strong") {
    const lead = inlineText(head.children).replace(/[\s:：]+$/u, "");
    let body = inlineText(rest).replace(/^[\s:：]+/u, "");
    const more = item.children.slice(1).filter((child) => child.type === "paragraph");
    if (more.length > 0) body = [body, ...more.map((p) => inlineText(p.children))].join(" ");
    if (lead !== "") return { n, lead, body: joinLines(body), line };
  }
  const text = inlineText(paragraph.children);
  return text === "" ? undefined : { n, lead: text, body: "", line };
}

function listToPoints(list: List): Point[] {
  const start = list.ordered === true ? (list.start ?? 1) : 1;
  const points: Point[] = [];
  list.children.forEach((item, index) => {
    const point = toPoint(item, start + index);
    if (point !== undefined) points.push(point);
  });
  return points;
}

/**
 * The summary list: the first list under a summary heading, or the first list
 * right after a lead-in line such as `主要观点如下：`.
 */
export function findPoints(blocks: readonly Block[]): Point[] {
  const candidates = blocks.filter((block) => !block.inNoiseSection);
  for (const [index, block] of candidates.entries()) {
    if (block.node.type !== "list") continue;
    const previous = candidates[index - 1]?.node;
    const introduced =
      previous?.type === "paragraph" && SUMMARY_LEAD_IN.test(inlineText(previous.children));
    if (SUMMARY_HEADING.test(block.section) || introduced) return listToPoints(block.node);
  }
  return [];
}
