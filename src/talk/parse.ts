import { basename, extname } from "node:path";
import type { Root } from "mdast";
import { acceptLabels, peopleOf } from "./cast.js";
import { readLabel } from "./labels.js";
import { parseMarkdown } from "./markdown.js";
import { readMeta } from "./meta.js";
import type { Point, Quote, Talk, TalkHints, TalkMeta, Turn } from "./model.js";
import { proseText } from "./names.js";
import { type FoundPoints, findPoints } from "./points.js";
import { promoteBoldHeadings } from "./pseudo-headings.js";
import { findQuotes } from "./quotes.js";
import { highlightsOf } from "./rank/highlights.js";
import { type Block, sectionBlocks } from "./sections.js";
import { addNameForms, draftTurns, hostsAndPrelude, type TalkReading } from "./speaker-turns.js";
import { buildSpeakers, roleOf } from "./speakers.js";
import type { SpeechParagraph } from "./summarize.js";
import { findTitle } from "./title.js";
import { speakerNamesOf, type TurnDraft } from "./turns.js";

export { speakerFromTitle } from "./title-names.js";

/** The file name without folder and extension: the title of a write-up that has none. */
function fileStem(file: string): string {
  return basename(file, extname(file));
}

/**
 * Turns bold lines that are turn labels into headings (in `tree`) and returns
 * the blocks of the promoted tree, with the prose text of the write-up.
 */
function promoteLabelLines(
  tree: Root,
  known: ReadonlySet<string>,
): { blocks: Block[]; prose: string } {
  const unpromoted = sectionBlocks(tree.children);
  // Promoting bold lines to headings changes no text: the prose is read once.
  const prose = proseText(unpromoted);
  const turnLabels = acceptLabels(unpromoted, { known, prose });
  tree.children = promoteBoldHeadings(tree.children, (paragraph) => {
    const label = readLabel(paragraph);
    return label !== undefined && turnLabels.has(label.name);
  });
  return { blocks: sectionBlocks(tree.children), prose };
}

/** Reads the write-up's blocks, title, meta, turn labels and the people it names. */
function readTalk(
  markdown: string,
  file: string,
  hints: TalkHints,
): { reading: TalkReading; meta: TalkMeta; accepted: Set<string> } {
  const tree = parseMarkdown(markdown);
  const speakerHints = hints.speakers ?? [];
  const known = new Set(speakerHints.flatMap((hint) => [hint.name, ...hint.aliases]));
  const { blocks, prose } = promoteLabelLines(tree, known);
  const { title, line: titleLine } = findTitle(tree.children, hints.title, fileStem(file));
  const meta = readMeta(tree, title);
  const accepted = acceptLabels(blocks, { known, prose });
  const people = peopleOf(blocks, speakerHints, accepted, prose);
  const reading: TalkReading = {
    blocks,
    prose,
    people,
    speakerHints,
    title: meta.title,
    titleLine,
    labelsUsed: new Map(),
    notes: [],
  };
  return { reading, meta, accepted };
}

/** Every paragraph of the turns with its speaker. */
function speechOf(drafts: readonly TurnDraft[]): SpeechParagraph[] {
  return drafts.flatMap((turn) =>
    turn.paragraphs.map((paragraph) => ({
      text: paragraph.text,
      line: paragraph.line,
      speaker: turn.speaker,
    })),
  );
}

/** The turns without the paragraphs the summary took, and without turns left empty. */
function withoutSummaryLines(drafts: readonly TurnDraft[], points: readonly Point[]): TurnDraft[] {
  // What the summary took is the editor's, not a speaker's.
  const pointLines = new Set(points.map((point) => point.line));
  return drafts
    .map((turn) => ({
      ...turn,
      paragraphs: turn.paragraphs.filter((paragraph) => !pointLines.has(paragraph.line)),
    }))
    .filter((turn) => turn.paragraphs.length > 0);
}

/** The turns as the model has them: paragraphs as text. */
function turnsOf(drafts: readonly TurnDraft[]): Turn[] {
  return drafts.map((draft) => ({
    speaker: draft.speaker,
    line: draft.line,
    paragraphs: draft.paragraphs.map((paragraph) => paragraph.text),
  }));
}

/** The quotes, of every speaker but the hosts and the audience. */
function quotesOf(
  reading: TalkReading,
  drafts: readonly TurnDraft[],
  hosts: ReadonlySet<string>,
  found: FoundPoints,
  titleHint: string | undefined,
): Quote[] {
  const notQuoted = new Set(
    speakerNamesOf(drafts).filter((name) => hosts.has(name) || roleOf(name) === "audience"),
  );
  return findQuotes(drafts, notQuoted, {
    title: titleHint ?? reading.title,
    // Derived points are the talk's own sentences: as a summary they would only echo the candidates.
    points: found.derived === true ? [] : found.points,
    highlights: highlightsOf(reading.blocks, drafts),
    hosts,
  });
}

/**
 * Parses a talk write-up (Markdown, front matter already blanked out so line
 * numbers match the file) into the Talk model. Pure: no I/O.
 */
export function parseTalk(markdown: string, file: string, hints: TalkHints = {}): Talk {
  const { reading, meta, accepted } = readTalk(markdown, file, hints);
  const { notes } = reading;
  const drafted = draftTurns(reading, accepted);
  addNameForms(reading, drafted.drafts);
  const { hosts, drafts: spoken } = drafted.single
    ? { hosts: new Set<string>(), drafts: drafted.drafts }
    : hostsAndPrelude(reading, drafted.drafts);
  const found = findPoints(reading.blocks, hints.description, speechOf(spoken));
  if (found.note !== undefined) notes.push(found.note);
  const drafts = found.derived === true ? spoken : withoutSummaryLines(spoken, found.points);
  const turns = turnsOf(drafts);
  const quotes = quotesOf(reading, drafts, hosts, found, hints.title);
  if (turns.length > 0 && quotes.length === 0)
    notes.push("no quotable sentence found in the turns");
  return {
    file,
    meta,
    points: found.points,
    pointsFrom: found.derived === true ? "derived" : "summary",
    speakers: buildSpeakers(speakerNamesOf(drafts), reading.blocks, reading.labelsUsed, hosts),
    turns,
    quotes,
    notes,
  };
}
