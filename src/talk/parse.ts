import { parseMarkdown } from "./markdown.js";
import { readMeta } from "./meta.js";
import type { Talk, Turn } from "./model.js";
import { findPoints } from "./points.js";
import { findQuotes } from "./quotes.js";
import { sectionBlocks } from "./sections.js";
import { acceptedLabelNames, buildSpeakers } from "./speakers.js";
import { buildTurns } from "./turns.js";

/**
 * Parses a talk write-up (Markdown, front matter already blanked out so line
 * numbers match the file) into the Talk model. Pure: no I/O.
 */
export function parseTalk(markdown: string, file: string): Talk {
  const tree = parseMarkdown(markdown);
  const blocks = sectionBlocks(tree.children);
  const fallbackTitle = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const drafts = buildTurns(blocks, acceptedLabelNames(blocks));
  const speakerNames = [...new Set(drafts.map((turn) => turn.speaker))];
  const turns: Turn[] = drafts.map((draft) => ({
    speaker: draft.speaker,
    line: draft.line,
    paragraphs: draft.paragraphs.map((paragraph) => paragraph.text),
  }));
  return {
    file,
    meta: readMeta(tree, fallbackTitle),
    points: findPoints(blocks),
    speakers: buildSpeakers(speakerNames, blocks),
    turns,
    quotes: findQuotes(drafts),
  };
}
