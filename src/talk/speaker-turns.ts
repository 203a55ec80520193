/**
 * Who says what: the turns by their speaker labels, else one speaker's, with
 * each speaker under their full name and the hosts told apart.
 */
import { interviewerNamed, presenterNamed } from "./cast.js";
import type { People, SpeakerHint } from "./names.js";
import type { Block } from "./sections.js";
import { speakerFromTitle } from "./title-names.js";
import {
  buildTurns,
  namesAndLabels,
  singleSpeakerTurn,
  speakerNamesOf,
  type TurnDraft,
} from "./turns.js";
import {
  hostsOf,
  leadLines,
  nameGuestFromTitle,
  nameRoleLabel,
  preludeTurn,
  shortForms,
} from "./who.js";

/**
 * What parsing has read of a write-up, shared by the steps that draw its
 * turns: `labelsUsed` (every label and form of name each speaker goes by) and
 * `notes` are filled in as they go.
 */
export interface TalkReading {
  blocks: Block[];
  prose: string;
  people: People;
  speakerHints: readonly SpeakerHint[];
  title: string;
  titleLine: number | undefined;
  labelsUsed: Map<string, Set<string>>;
  notes: string[];
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
 * A label's speaker: the front matter's name for it, else the full name the
 * text gives, else the label itself; each label is recorded under that name.
 */
function canonicalName(reading: TalkReading): (label: string) => string {
  const { speakerHints, people, labelsUsed } = reading;
  return (label) => {
    const hinted = speakerHints.find((hint) => hint.name === label || hint.aliases.includes(label));
    const name = hinted?.name ?? people.resolve(label)?.name ?? label;
    labelsUsed.set(name, new Set([...(labelsUsed.get(name) ?? []), label]));
    return name;
  };
}

/** Labelled turns with a role label (an interviewer's) and a guest the title names put by name. */
function nameLabelledTurns(
  reading: TalkReading,
  drafts: TurnDraft[],
  accepted: ReadonlySet<string>,
): TurnDraft[] {
  const { blocks, prose, title, labelsUsed } = reading;
  const named = nameRoleLabel(drafts, interviewerNamed(blocks, prose, accepted), labelsUsed);
  return nameGuestFromTitle(named, title, labelsUsed);
}

/**
 * A talk without labels as its one speaker's turn, leaving out the title and
 * the lines that introduce them; undefined (with a note) when no one is named.
 */
function singleSpeakerTurns(reading: TalkReading): TurnDraft[] | undefined {
  const { blocks, labelsUsed, notes, titleLine } = reading;
  const found = singleSpeaker(blocks, reading.speakerHints, reading.title, reading.people);
  if (found === undefined) {
    notes.push(
      "no speaker labels found and none named: add `speakers: [Name]` to the front matter",
    );
    return undefined;
  }
  const { name, forms } = found;
  const labels = new Set([...forms, ...shortForms(forms, reading.prose)]);
  labelsUsed.set(name, labels);
  const skipLines = new Set([
    ...(titleLine === undefined ? [] : [titleLine]),
    ...leadLines(blocks, labels, titleLine),
  ]);
  const drafts = singleSpeakerTurn(blocks, name, { skipLines });
  if (found.from !== "front matter")
    notes.push(`no speaker labels found: the talk is taken as ${name}'s, from the ${found.from}`);
  return drafts;
}

/** The turns by their labels, else one speaker's turn; `single` says it was the latter. */
export function draftTurns(
  reading: TalkReading,
  accepted: ReadonlySet<string>,
): { drafts: TurnDraft[]; single: boolean } {
  const drafts = buildTurns(reading.blocks, accepted, canonicalName(reading));
  if (drafts.length > 0)
    return { drafts: nameLabelledTurns(reading, drafts, accepted), single: false };
  const single = singleSpeakerTurns(reading);
  return single === undefined ? { drafts, single: false } : { drafts: single, single: true };
}

/** Adds the forms of each speaker's name that the text gives to the labels they go by. */
export function addNameForms(reading: TalkReading, drafts: readonly TurnDraft[]): void {
  const { people, labelsUsed } = reading;
  for (const name of speakerNamesOf(drafts)) {
    const forms = people.find(name)?.forms ?? [];
    labelsUsed.set(name, new Set([...(labelsUsed.get(name) ?? []), ...forms]));
  }
}

/** The hosts of a conversation, and the turns with what was said before the first label as one. */
export function hostsAndPrelude(
  reading: TalkReading,
  drafts: TurnDraft[],
): { hosts: Set<string>; drafts: TurnDraft[] } {
  const formsOf = namesAndLabels(reading.labelsUsed);
  const hosts = hostsOf(drafts, reading.title, formsOf);
  const prelude = preludeTurn(reading.blocks, drafts, hosts, reading.titleLine);
  return { hosts, drafts: prelude === undefined ? drafts : [prelude, ...drafts] };
}
