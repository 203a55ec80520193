import type { Paragraph, PhrasingContent } from "mdast";
import { readLabel } from "./labels.js";
import { inlineText, isImageOnly, nodeText, startLine } from "./markdown.js";
import { isNoiseParagraph, isNoiseText } from "./noise.js";
import type { Block } from "./sections.js";

/** One paragraph of a turn, with its inline nodes kept for finding bold quotes. */
export interface TurnParagraph {
  text: string;
  inline: PhrasingContent[];
  line: number;
}

export interface TurnDraft {
  speaker: string;
  line: number;
  paragraphs: TurnParagraph[];
}

/**
 * Groups the transcript into turns: a labelled paragraph opens a turn, the
 * paragraphs after it without a label continue it. Noise and images are skipped;
 * a noise section (往期精选…) ends the transcript.
 */
export function buildTurns(
  blocks: readonly Block[],
  speakers: ReadonlySet<string>,
  canonical: (label: string) => string = (label) => label,
): TurnDraft[] {
  const turns: TurnDraft[] = [];
  let current: TurnDraft | undefined;
  for (const block of blocks) {
    const { node } = block;
    if (block.inNoiseSection) {
      current = undefined;
      continue;
    }
    if (node.type === "paragraph") {
      const label = readLabel(node);
      if (label !== undefined && speakers.has(label.name)) {
        current = { speaker: canonical(label.name), line: startLine(node), paragraphs: [] };
        turns.push(current);
        const text = inlineText(label.rest);
        if (text !== "" && !isNoiseText(text)) {
          current.paragraphs.push({ text, inline: label.rest, line: startLine(node) });
        }
        continue;
      }
      if (current === undefined || isImageOnly(node) || isNoiseParagraph(node)) continue;
      current.paragraphs.push({
        text: inlineText(node.children),
        inline: node.children,
        line: startLine(node),
      });
    } else if (current !== undefined && (node.type === "blockquote" || node.type === "list")) {
      const text = nodeText(node);
      if (text !== "" && !isNoiseText(text))
        current.paragraphs.push({ text, inline: [], line: startLine(node) });
    }
  }
  return turns.filter((turn) => turn.paragraphs.length > 0);
}

/** Blocks that are not the speech: summary and bio sections, header `key: value` lines. */
const NOT_SPEECH_SECTION =
  /内容提要|摘要|要点|划重点|简介|介绍|目录|key (points|takeaways)|takeaways|summary|highlights|about the|chapters|show notes/i;
const HEADER_LINES = /^(?:[^:：\n]{1,12}[:：][^\n]*\n?)+$/u;

/**
 * A talk with no speaker labels (a keynote, an essay): every paragraph of the
 * body is one turn of the one speaker the front matter or the title names.
 */
export function singleSpeakerTurn(blocks: readonly Block[], speaker: string): TurnDraft[] {
  const paragraphs: TurnParagraph[] = [];
  for (const block of blocks) {
    const { node } = block;
    if (block.inNoiseSection || node.type !== "paragraph" || NOT_SPEECH_SECTION.test(block.section))
      continue;
    if (isImageOnly(node) || isNoiseParagraph(node)) continue;
    const text = inlineText(node.children);
    if (text === "" || HEADER_LINES.test(rawLines(node))) continue;
    paragraphs.push({ text, inline: node.children, line: startLine(node) });
  }
  const [first] = paragraphs;
  return first === undefined ? [] : [{ speaker, line: first.line, paragraphs }];
}

function rawLines(node: Paragraph): string {
  return node.children.map((child) => ("value" in child ? child.value : "")).join("");
}
