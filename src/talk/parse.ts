import { acceptLabels, interviewerNamed, peopleOf, presenterNamed } from "./cast.js";
import { readLabel } from "./labels.js";
import { parseMarkdown } from "./markdown.js";
import { readMeta } from "./meta.js";
import type { Talk, TalkHints, Turn } from "./model.js";
import { type People, proseText, type SpeakerHint } from "./names.js";
import { findPoints } from "./points.js";
import { promoteBoldHeadings } from "./pseudo-headings.js";
import { findQuotes } from "./quotes.js";
import { highlightsOf } from "./rank/highlights.js";
import { type Block, sectionBlocks } from "./sections.js";
import { buildSpeakers, roleOf } from "./speakers.js";
import { findTitle } from "./title.js";
import { speakerFromTitle } from "./title-names.js";
import { buildTurns, singleSpeakerTurn, type TurnDraft } from "./turns.js";
import {
  hostsOf,
  leadLines,
  nameGuestFromTitle,
  nameRoleLabel,
  preludeTurn,
  shortForms,
} from "./who.js";

export { speakerFromTitle } from "./title-names.js";

/** The file name without folder and extension: the title of a write-up that has none. */
function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}

/**
 * The one speaker of a talk without labels: the front matter's, else the one
 * a `Presenter:` line names, else the title's (`陆奇最新演讲实录`, `Jane Doe:
 * …`, a title that is a name), with the other forms of their name the text
 * gives (`罗杰·费德勒（Roger Federer）`).
 */
function singleSpeaker(
  blocks: readonly Block[],
  hints: readonly SpeakerHint[],
  title: string,
  people: People,
): { name: string; forms: Set<string>; from: string } | undefined {
  const [hint] = hints;
  const presenter = presenterNamed(blocks);
  const named =
    hint !== undefined
      ? { speaker: hint.name, from: "front matter" }
      : presenter !== undefined
        ? { speaker: presenter, from: "presenter line" }
        : { speaker: speakerFromTitle(title, people), from: "title" };
  if (named.speaker === undefined) return undefined;
  const person = people.resolve(named.speaker);
  const name = person?.name ?? named.speaker;
  return { name, forms: new Set([named.speaker, ...(person?.forms ?? [])]), from: named.from };
}

/**
 * Parses a talk write-up (Markdown, front matter already blanked out so line
 * numbers match the file) into the Talk model. Pure: no I/O.
 */
export function parseTalk(markdown: string, file: string, hints: TalkHints = {}): Talk {
  const tree = parseMarkdown(markdown);
  const speakerHints = hints.speakers ?? [];
  const known = new Set(speakerHints.flatMap((hint) => [hint.name, ...hint.aliases]));
  const unpromoted = sectionBlocks(tree.children);
  // Promoting bold lines to headings changes no text: the prose is read once.
  const prose = proseText(unpromoted);
  const turnLabels = acceptLabels(unpromoted, { known, prose });
  tree.children = promoteBoldHeadings(tree.children, (paragraph) => {
    const label = readLabel(paragraph);
    return label !== undefined && turnLabels.has(label.name);
  });
  const blocks: Block[] = sectionBlocks(tree.children);
  const notes: string[] = [];
  const fallbackTitle = fileStem(file);
  const { title, line: titleLine } = findTitle(tree.children, hints.title, fallbackTitle);
  const meta = readMeta(tree, title);
  const accepted = acceptLabels(blocks, { known, prose });
  const people = peopleOf(blocks, speakerHints, accepted, prose);

  const labelsUsed = new Map<string, Set<string>>();
  const canonical = (label: string) => {
    const hinted = speakerHints.find((hint) => hint.name === label || hint.aliases.includes(label));
    const name = hinted?.name ?? people.resolve(label)?.name ?? label;
    labelsUsed.set(name, new Set([...(labelsUsed.get(name) ?? []), label]));
    return name;
  };
  let drafts: TurnDraft[] = buildTurns(blocks, accepted, canonical);
  let single = false;
  if (drafts.length > 0) {
    drafts = nameRoleLabel(drafts, interviewerNamed(blocks, prose, accepted), labelsUsed);
    drafts = nameGuestFromTitle(drafts, meta.title, labelsUsed);
  } else {
    const found = singleSpeaker(blocks, speakerHints, meta.title, people);
    if (found === undefined) {
      notes.push(
        "no speaker labels found and none named: add `speakers: [Name]` to the front matter",
      );
    } else {
      single = true;
      const { name, forms } = found;
      labelsUsed.set(name, new Set([...forms, ...shortForms(forms, prose)]));
      const skipLines = new Set([
        ...(titleLine === undefined ? [] : [titleLine]),
        ...leadLines(blocks, labelsUsed.get(name) ?? forms, titleLine),
      ]);
      drafts = singleSpeakerTurn(blocks, name, { skipLines });
      if (found.from !== "front matter")
        notes.push(
          `no speaker labels found: the talk is taken as ${name}'s, from the ${found.from}`,
        );
    }
  }

  const speakerNames = () => [...new Set(drafts.map((turn) => turn.speaker))];
  for (const name of speakerNames()) {
    const forms = people.find(name)?.forms ?? [];
    labelsUsed.set(name, new Set([...(labelsUsed.get(name) ?? []), ...forms]));
  }
  const formsOf = (name: string) => new Set([name, ...(labelsUsed.get(name) ?? [])]);
  const hosts = single ? new Set<string>() : hostsOf(drafts, meta.title, formsOf);
  if (!single) {
    const prelude = preludeTurn(blocks, drafts, hosts, titleLine);
    if (prelude !== undefined) drafts = [prelude, ...drafts];
  }

  const speech = drafts.flatMap((turn) =>
    turn.paragraphs.map((paragraph) => ({
      text: paragraph.text,
      line: paragraph.line,
      speaker: turn.speaker,
    })),
  );
  const found = findPoints(blocks, hints.description, speech);
  if (found.note !== undefined) notes.push(found.note);
  if (found.derived !== true) {
    // What the summary took is the editor's, not a speaker's.
    const pointLines = new Set(found.points.map((point) => point.line));
    drafts = drafts
      .map((turn) => ({
        ...turn,
        paragraphs: turn.paragraphs.filter((paragraph) => !pointLines.has(paragraph.line)),
      }))
      .filter((turn) => turn.paragraphs.length > 0);
  }
  const turns: Turn[] = drafts.map((draft) => ({
    speaker: draft.speaker,
    line: draft.line,
    paragraphs: draft.paragraphs.map((paragraph) => paragraph.text),
  }));
  const notQuoted = new Set(
    speakerNames().filter((name) => hosts.has(name) || roleOf(name) === "audience"),
  );
  const quotes = findQuotes(drafts, notQuoted, {
    title: hints.title ?? meta.title,
    // Derived points are the talk's own sentences: as a summary they would only echo the candidates.
    points: found.derived === true ? [] : found.points,
    highlights: highlightsOf(blocks, drafts),
    hosts,
  });
  if (turns.length > 0 && quotes.length === 0)
    notes.push("no quotable sentence found in the turns");
  return {
    file,
    meta,
    points: found.points,
    pointsFrom: found.derived === true ? "derived" : "summary",
    speakers: buildSpeakers(speakerNames(), blocks, labelsUsed, hosts),
    turns,
    quotes,
    notes,
  };
}
