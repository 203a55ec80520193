import { parseMarkdown } from "./markdown.js";
import { readMeta } from "./meta.js";
import type { Talk, TalkHints, Turn } from "./model.js";
import { canonicalName, knownFullNames } from "./names.js";
import { findPoints } from "./points.js";
import { promoteBoldHeadings } from "./pseudo-headings.js";
import { findQuotes } from "./quotes.js";
import { sectionBlocks } from "./sections.js";
import { acceptedLabelNames, buildSpeakers, roleOf } from "./speakers.js";
import { buildTurns, singleSpeakerTurn, type TurnDraft } from "./turns.js";

/** Capitalised words that make a title, not a name: `Fireside Chat`, `The Data Show`. */
const TITLE_WORDS =
  /^(the|a|an|fireside|chat|keynote|interview|episode|podcast|talk|panel|notes?|show|conference|summit|session|why|how|what|live|special|part|building|future|state|day)$/i;

/** `Jane Doe: The Future of X`, `Keynote by Jane Doe`, `黄仁勋专访：…`, `奥特曼谈AGI：…`. */
export function speakerFromTitle(title: string): string | undefined {
  const english = [
    /^((?:[A-Z][\p{L}'’.-]+\s){1,2}[A-Z][\p{L}'’.-]+)\s*[:：—–|]\s/u.exec(title)?.[1],
    /\b(?:by|with)\s+((?:[A-Z][\p{L}'’.-]+\s?){2,3})$/u.exec(title)?.[1],
  ].find(
    (name) =>
      name !== undefined &&
      !name
        .trim()
        .split(/\s+/)
        .some((word) => TITLE_WORDS.test(word)),
  );
  const chinese =
    /^([\p{Script=Han}·]{2,8}?)(?:最新|独家|深度|年度)?(?:专访|演讲|访谈|谈|[:：])/u.exec(
      title,
    )?.[1];
  return (english ?? chinese)?.trim();
}

/**
 * Speakers whose sentences are not quote candidates when nothing is bold: the
 * audience, and an interviewer (most of whose turns are questions).
 */
function notQuoted(drafts: readonly TurnDraft[]): Set<string> {
  const skip = new Set<string>();
  for (const name of new Set(drafts.map((turn) => turn.speaker))) {
    const own = drafts.filter((turn) => turn.speaker === name);
    const asking = own.filter((turn) =>
      /[？?]\s*$/u.test(turn.paragraphs.at(-1)?.text ?? ""),
    ).length;
    if (
      roleOf(name) === "audience" ||
      (own.length >= 2 && asking * 2 >= own.length && drafts.length > own.length)
    ) {
      skip.add(name);
    }
  }
  return skip;
}

/**
 * Parses a talk write-up (Markdown, front matter already blanked out so line
 * numbers match the file) into the Talk model. Pure: no I/O.
 */
export function parseTalk(markdown: string, file: string, hints: TalkHints = {}): Talk {
  const tree = parseMarkdown(markdown);
  tree.children = promoteBoldHeadings(tree.children);
  const blocks = sectionBlocks(tree.children);
  const notes: string[] = [];
  const fallbackTitle = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const meta = readMeta(tree, fallbackTitle);
  const speakerHints = hints.speakers ?? [];

  const known = new Set(speakerHints.flatMap((hint) => [hint.name, ...hint.aliases]));
  const fullNames = knownFullNames(blocks, speakerHints);
  const labelsUsed = new Map<string, Set<string>>();
  const canonical = (label: string) => {
    const name = canonicalName(label, fullNames, speakerHints);
    labelsUsed.set(name, new Set([...(labelsUsed.get(name) ?? []), label]));
    return name;
  };
  let drafts: TurnDraft[] = buildTurns(blocks, acceptedLabelNames(blocks, known), canonical);
  if (drafts.length === 0) {
    const fromTitle = speakerFromTitle(meta.title);
    const single = speakerHints[0]?.name ?? fromTitle;
    if (single === undefined) {
      notes.push(
        "no speaker labels found and none named: add `speakers: [Name]` to the front matter",
      );
    } else {
      drafts = singleSpeakerTurn(blocks, single);
      if (speakerHints[0] === undefined)
        notes.push(`no speaker labels found: the talk is taken as ${single}'s, from the title`);
    }
  }

  const found = findPoints(blocks, hints.description);
  if (found.note !== undefined) notes.push(found.note);
  const speakerNames = [...new Set(drafts.map((turn) => turn.speaker))];
  const turns: Turn[] = drafts.map((draft) => ({
    speaker: draft.speaker,
    line: draft.line,
    paragraphs: draft.paragraphs.map((paragraph) => paragraph.text),
  }));
  const quotes = findQuotes(drafts, notQuoted(drafts));
  if (turns.length > 0 && quotes.length === 0)
    notes.push("no quotable sentence found in the turns");
  return {
    file,
    meta,
    points: found.points,
    pointsFrom: found.derived === true ? "derived" : "summary",
    speakers: buildSpeakers(speakerNames, blocks, labelsUsed),
    turns,
    quotes,
    notes,
  };
}
