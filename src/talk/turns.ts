import type { PhrasingContent } from "mdast";
import { inlineText, isImageOnly, nodeText, startLine } from "./markdown.js";
import { isNoiseParagraph, isNoiseText } from "./noise.js";
import type { Block } from "./sections.js";
import { readLabel } from "./speakers.js";

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
export function buildTurns(blocks: readonly Block[], speakers: ReadonlySet<string>): TurnDraft[] {
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
        current = { speaker: label.name, line: startLine(node), paragraphs: [] };
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
