import type { Heading, RootContent } from "mdast";
import { nodeText } from "./markdown.js";
import { isNoiseHeading } from "./noise.js";
import { detectLang } from "./text.js";

/** A top-level block with the heading it sits under. */
export interface Block {
  node: RootContent;
  /** Text of the nearest heading above, or "" before the first one. */
  section: string;
  /**
   * Inside a section not to read at all: links to other articles (往期精选
   * and the like), or the original-language copy of a translated talk.
   */
  inNoiseSection: boolean;
  /**
   * Inside a section that is about the talk, not the talk: a summary, an
   * abstract, bios, footnotes, a discussion of it, links. Its paragraphs are
   * no one's words unless they carry a speaker's label.
   */
  nonSpeech: boolean;
}

/** Headings of sections that are not the talk itself. */
const NOT_SPEECH_HEADING =
  /内容提要|摘要|要点|划重点|简介|目录|导读|基本信息|脚注|注释|参考(资料|文献|链接)|相关(链接|文章|阅读)|延伸阅读|^(介绍|概要|大纲)$|key (points|takeaways)|takeaways|summary|highlights|about the|chapters|show notes|abstract|^discussion$|^comments$|external links|other languages|see also|^references$|footnotes|further reading|^bios?$/i;

/** `## 原文`, `## Original`: the talk again in the language it was given in. */
const ORIGINAL_HEADING =
  /^(原文|英文原文|原文全文|英文版|原版|original|original text|original transcript|the original|english original|english version|in english)$/i;

/** Tags each top-level block with its section; a noise section lasts until a heading of its depth or higher. */
export function sectionBlocks(children: readonly RootContent[]): Block[] {
  const blocks: Block[] = [];
  const original: boolean[] = [];
  let section = "";
  let noiseDepth: number | undefined;
  let originalDepth: number | undefined;
  let otherDepth: number | undefined;
  for (const node of children) {
    if (node.type === "heading") {
      const heading: Heading = node;
      const text = nodeText(heading).trim();
      if (noiseDepth !== undefined && heading.depth <= noiseDepth) noiseDepth = undefined;
      if (noiseDepth === undefined && isNoiseHeading(heading)) noiseDepth = heading.depth;
      if (originalDepth !== undefined && heading.depth <= originalDepth) originalDepth = undefined;
      if (originalDepth === undefined && ORIGINAL_HEADING.test(text)) originalDepth = heading.depth;
      if (otherDepth !== undefined && heading.depth <= otherDepth) otherDepth = undefined;
      if (otherDepth === undefined && NOT_SPEECH_HEADING.test(text)) otherDepth = heading.depth;
      section = text;
    }
    original.push(originalDepth !== undefined);
    blocks.push({
      node,
      section,
      inNoiseSection: noiseDepth !== undefined,
      nonSpeech: otherDepth !== undefined,
    });
  }
  return skipOriginalInOtherLanguage(blocks, original);
}

/**
 * A `## 原文` section is skipped when it is in another language than the rest
 * (a translation with its original below): the talk is read in the
 * document's language. A section of that name in the same language is read.
 */
function skipOriginalInOtherLanguage(blocks: Block[], original: readonly boolean[]): Block[] {
  if (!original.includes(true)) return blocks;
  const text = (inside: boolean) =>
    blocks
      .filter((_, index) => original[index] === inside)
      .map((block) => nodeText(block.node))
      .join("\n");
  if (detectLang(text(true)) === detectLang(text(false))) return blocks;
  return blocks.map((block, index) =>
    original[index] === true ? { ...block, inNoiseSection: true } : block,
  );
}
