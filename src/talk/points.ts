import type { List, ListItem, Paragraph } from "mdast";
import { inlineText, nodeText, ownText, startLine } from "./markdown.js";
import type { Point } from "./model.js";
import type { Block } from "./sections.js";
import { splitSentences } from "./sentences.js";
import { derivePoints, type SpeechParagraph } from "./summarize.js";
import { joinLines } from "./text.js";
import { topicSections } from "./topic-sections.js";

/** Headings that introduce the summary of key points. */
const SUMMARY_HEADING =
  /内容提要|内容摘要|要点|摘要|提要|划重点|核心观点|主要观点|概要|key (points|takeaways)|takeaways|summary|highlights|tl;?dr/i;
/** A lead-in line such as `主要观点如下：`, `一些有意思的点：`, `丨划重点` or `Key takeaways:`. */
const SUMMARY_LEAD_IN =
  /(观点|要点|重点|的点|几点|如下|以下|划重点|takeaways|key points|highlights|summary|in this (episode|talk)[^:：]*)\s*[:：]?\s*$/i;
/** Headings of the transcript and other non-topic sections: never points (`What about rent?` is one). */
const NOT_A_TOPIC =
  /对话|全文|正文|实录|访谈|简介|介绍|目录|概述|基本信息|^(?:the |full |complete )?(?:transcript|conversation|interview|about|speakers?|guests?|chapters?|show notes|references?|links?|overview|metadata)\b/i;
const CIRCLED = /^\s*([①-⑳])\s*/u;
const CHAPTER =
  /^(.{2,80}?)\s*[(（]\s*(\d{1,2}(?::\d{2}){1,2})\s*[-–—~]\s*(\d{1,2}(?::\d{2}){1,2})\s*[)）]\s*$/u;

/** `**Lead:** body` gives a lead and a body; an item without a bold lead is all lead. */
function toPoint(item: ListItem, n: number): Point | undefined {
  const paragraph =
    item.children[0]?.type === "paragraph" ? (item.children[0] as Paragraph) : undefined;
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
  return list.children.flatMap((item, index) => toPoint(item, start + index) ?? []);
}

/** Consecutive lists (a `-` list right after a `*` list is two lists in CommonMark) read as one. */
function listRun(blocks: readonly Block[], from: number): Point[] {
  const points: Point[] = [];
  for (let index = from; index < blocks.length; index += 1) {
    const node = blocks[index]?.node;
    if (node?.type !== "list") break;
    for (const point of listToPoints(node)) points.push({ ...point, n: points.length + 1 });
  }
  return points;
}

/**
 * Every list item of a summary section, through its sub-headings (`## 要点回顾`
 * with a `###` per topic, each over its own list), up to the next heading of
 * the summary's depth or higher.
 */
function sectionListPoints(blocks: readonly Block[], from: number, depth: number): Point[] {
  const points: Point[] = [];
  for (let index = from + 1; index < blocks.length; index += 1) {
    const node = blocks[index]?.node;
    if (node === undefined || (node.type === "heading" && node.depth <= depth)) break;
    if (node.type !== "list") continue;
    for (const point of listToPoints(node)) points.push({ ...point, n: points.length + 1 });
  }
  return points;
}

/** ①…⑳ paragraphs (or lines) right after a lead-in: WeChat's way of numbering. */
function circledPoints(blocks: readonly Block[], from: number): Point[] {
  const points: Point[] = [];
  for (let index = from; index < blocks.length; index += 1) {
    const node = blocks[index]?.node;
    if (node?.type !== "paragraph") break;
    const lines = nodeText(node).split("\n");
    const items = lines.filter((line) => CIRCLED.test(line));
    if (items.length === 0) break;
    for (const item of items) {
      points.push({
        n: points.length + 1,
        lead: item.replace(CIRCLED, "").trim(),
        body: "",
        line: startLine(node),
      });
    }
  }
  return points;
}

/** `Topic (1:55-9:25)` lines: a chapter list with time ranges. */
function chapterPoints(blocks: readonly Block[]): Point[] {
  const points: Point[] = [];
  for (const block of blocks) {
    if (block.inNoiseSection) continue;
    const texts =
      block.node.type === "paragraph"
        ? ownText(block.node).split("\n")
        : block.node.type === "list"
          ? block.node.children.map((item) => nodeText(item))
          : [];
    for (const text of texts) {
      const match = CHAPTER.exec(text.trim());
      if (match?.[1] !== undefined) {
        points.push({
          n: points.length + 1,
          lead: match[1].trim(),
          body: `${match[2]}–${match[3]}`,
          line: block.node.position?.start.line ?? 0,
        });
      }
    }
    if (points.length > 0 && texts.every((text) => !CHAPTER.test(text.trim()))) break;
  }
  return points.length >= 2 ? points : [];
}

/** The prose under a `## Summary` heading, one point per sentence. */
function prosePoints(blocks: readonly Block[]): Point[] {
  const section = blocks.filter(
    (block) =>
      block.node.type === "paragraph" &&
      SUMMARY_HEADING.test(block.section) &&
      !block.inNoiseSection,
  );
  return section
    .flatMap((block) =>
      splitSentences(nodeText(block.node)).map((sentence) => ({
        n: 0,
        lead: sentence,
        body: "",
        line: startLine(block.node),
      })),
    )
    .map((point, index) => ({ ...point, n: index + 1 }));
}

/** `We discuss: 1. … 2. … 3. …` in a front-matter description. */
export function pointsFromDescription(description: string): Point[] {
  const list = /(?:^|[:：]\s*)1[.、)]\s*(.+)$/su.exec(description)?.[1];
  if (list === undefined) return [];
  return `1. ${list}`
    .split(/\s*(?:^|\s)\d{1,2}[.、)]\s+/u)
    .map((item) => item.trim().replace(/[;；,，]$/u, ""))
    .filter((item) => item !== "")
    .map((lead, index) => ({ n: index + 1, lead, body: "", line: 0 }));
}

export interface FoundPoints {
  points: Point[];
  /** True when the points were not the write-up's own summary but derived from the talk. */
  derived?: boolean;
  /** Where they came from, when that is not a summary list: said to the user. */
  note?: string;
}

/**
 * The deck's points, from the first form the talk uses: a list under a summary
 * heading or lead-in line, circled-digit paragraphs, chapter lines, summary
 * prose, a list in the front-matter description. Else they are derived from
 * the talk (`derived`): its topic sections, or its topic shifts, each led by
 * its heading or its most central sentence. `speech` is what the speakers said
 * (the turns' paragraphs); without it, or when it holds little of the text,
 * the body's paragraphs stand in for it.
 */
export function findPoints(
  blocks: readonly Block[],
  description?: string,
  speech?: readonly SpeechParagraph[],
): FoundPoints {
  // A summary set off as a callout (`> AI Summary：` over a quoted list) reads like one that is not.
  const live = blocks
    .filter((block) => !block.inNoiseSection)
    .flatMap((block) =>
      block.node.type === "blockquote"
        ? block.node.children.map((node) => ({ ...block, node }))
        : [block],
    );
  for (const [index, block] of live.entries()) {
    if (block.node.type === "heading" && SUMMARY_HEADING.test(nodeText(block.node))) {
      const points = sectionListPoints(live, index, block.node.depth);
      if (points.length > 0) return { points };
    }
    const previous = live[index - 1]?.node;
    const introduced =
      (previous?.type === "paragraph" && SUMMARY_LEAD_IN.test(nodeText(previous))) ||
      (previous?.type === "heading" && SUMMARY_HEADING.test(nodeText(previous)));
    if (block.node.type === "list" && (SUMMARY_HEADING.test(block.section) || introduced)) {
      return { points: listRun(live, index) };
    }
    if (
      block.node.type === "paragraph" &&
      CIRCLED.test(nodeText(block.node)) &&
      (introduced || SUMMARY_HEADING.test(block.section))
    ) {
      const points = circledPoints(live, index);
      if (points.length > 0) return { points };
    }
  }
  const chapters = chapterPoints(live);
  if (chapters.length > 0) return { points: chapters };
  const prose = prosePoints(live);
  if (prose.length > 0) return { points: prose };
  const described = description === undefined ? [] : pointsFromDescription(description);
  if (described.length > 0)
    return { points: described, note: "points taken from the front matter's description" };
  const { sections, byHeadings } = topicSections(blocks, speech, NOT_A_TOPIC);
  const points = derivePoints(sections);
  if (points.length > 0) {
    const how = byHeadings ? "by its headings" : "by topic shifts";
    return {
      points,
      derived: true,
      note: `no summary list found: ${points.length} points derived from the talk (${how})`,
    };
  }
  return {
    points: [],
    derived: true,
    note: "no summary list and no section headings found: the deck has no point slides",
  };
}
