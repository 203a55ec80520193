import { startLine } from "./markdown.js";
import type { Block } from "./sections.js";
import { isHostLabel, isRoleWord, roleOf } from "./speakers.js";
import { readingLength } from "./text.js";
import { guestInTitle, namedInTitle } from "./title-names.js";
import { namesAndLabels, singleSpeakerTurn, speakerNamesOf, type TurnDraft } from "./turns.js";

/** Renames a speaker in the turns and moves the labels it went by to the new name. */
function rename(
  drafts: readonly TurnDraft[],
  from: string,
  to: string,
  labelsUsed: Map<string, Set<string>>,
): TurnDraft[] {
  labelsUsed.set(
    to,
    new Set([...(labelsUsed.get(to) ?? []), ...(labelsUsed.get(from) ?? []), from]),
  );
  labelsUsed.delete(from);
  return drafts.map((turn) => (turn.speaker === from ? { ...turn, speaker: to } : turn));
}

/**
 * A speaker labelled only by role (`主持人：`, `Host:`) takes the name the
 * write-up gives the interviewer (`与前福布斯记者Olivia Kinghorst做现场对谈`),
 * keeping the role as an alias.
 */
export function nameRoleLabel(
  drafts: readonly TurnDraft[],
  interviewer: string | undefined,
  labelsUsed: Map<string, Set<string>>,
): TurnDraft[] {
  if (interviewer === undefined) return [...drafts];
  const names = new Set(drafts.map((turn) => turn.speaker));
  if (names.has(interviewer)) return [...drafts];
  const roles = [...names].filter(isRoleWord);
  const [only, second] = roles;
  return only === undefined || second !== undefined
    ? [...drafts]
    : rename(drafts, only, interviewer, labelsUsed);
}

/** Share of a speaker's turns that end in a question. */
function askingShare(drafts: readonly TurnDraft[], name: string): { turns: number; share: number } {
  const own = drafts.filter((turn) => turn.speaker === name);
  const asking = own.filter((turn) => /[？?]\s*$/u.test(turn.paragraphs.at(-1)?.text ?? "")).length;
  return { turns: own.length, share: own.length === 0 ? 0 : asking / own.length };
}

/**
 * A guest labelled by a nickname or a role (`**红衣大叔** ：`, `答：`) takes the
 * name the title gives (`对话周鸿祎：…`): when the title names one guest who is
 * none of the speakers, and exactly one speaker who is not named by the title
 * and not the interviewer answers the questions.
 */
export function nameGuestFromTitle(
  drafts: readonly TurnDraft[],
  title: string,
  labelsUsed: Map<string, Set<string>>,
): TurnDraft[] {
  const guest = guestInTitle(title);
  if (guest === undefined) return [...drafts];
  const names = speakerNamesOf(drafts);
  const forms = namesAndLabels(labelsUsed);
  if (names.some((name) => namedInTitle(guest, forms(name)))) return [...drafts];
  const answering = names.filter(
    (name) =>
      !isHostLabel(name) &&
      roleOf(name) !== "audience" &&
      !namedInTitle(title, forms(name)) &&
      askingShare(drafts, name).share < 0.5,
  );
  const [only, second] = answering;
  return only === undefined || second !== undefined
    ? [...drafts]
    : rename(drafts, only, guest, labelsUsed);
}

/**
 * Who interviews: a speaker labelled by role or programme (`主持人`, `《晚点》`);
 * where the title names some speakers but not others (`对谈汪华：…`,
 * `Talking With Adam Posen`), the others; else whoever ends most of their
 * turns with a question. In a conversation of peers nobody may be.
 */
export function hostsOf(
  drafts: readonly TurnDraft[],
  title: string,
  formsOf: (name: string) => Set<string>,
): Set<string> {
  const names = [...new Set(drafts.map((turn) => turn.speaker))].filter(
    (name) => roleOf(name) !== "audience",
  );
  const hosts = new Set<string>();
  if (names.length < 2) return hosts;
  for (const name of names) if ([...formsOf(name)].some(isHostLabel)) hosts.add(name);
  const inTitle = names.filter((name) => namedInTitle(title, formsOf(name)));
  if (inTitle.length > 0 && inTitle.length < names.length) {
    for (const name of names) if (!inTitle.includes(name)) hosts.add(name);
  } else {
    // Half their turns end in a question; or a fifth, where the others hardly
    // ever ask (two hosts, two guests).
    const shares = names.map((name) => ({ name, ...askingShare(drafts, name) }));
    const rarely = Math.max(0, ...shares.filter((entry) => entry.share < 0.2).map((e) => e.share));
    for (const { name, turns, share } of shares) {
      if (turns >= 2 && (share >= 0.5 || (share >= 0.2 && share >= 3 * rarely))) hosts.add(name);
    }
  }
  return hosts.size >= names.length
    ? new Set(names.filter((name) => [...formsOf(name)].some(isHostLabel)))
    : hosts;
}

/**
 * A talk followed by a labelled Q&A (a TED talk, a keynote with questions):
 * the unlabelled text before the first label, when it is longer than the
 * whole exchange and speaks in the first person, is the talk of the one
 * speaker who answers.
 */
export function preludeTurn(
  blocks: readonly Block[],
  drafts: readonly TurnDraft[],
  hosts: ReadonlySet<string>,
  titleLine: number | undefined,
): TurnDraft | undefined {
  const first = drafts[0];
  if (first === undefined) return undefined;
  const answering = speakerNamesOf(drafts).filter(
    (name) => !hosts.has(name) && roleOf(name) !== "audience",
  );
  const [speaker, second] = answering;
  if (speaker === undefined || second !== undefined) return undefined;
  // The talk and its Q&A sit in one section: nothing before a heading above the first label counts.
  let before = blocks.filter((block) => startLine(block.node) < first.line);
  const lastHeading = before.findLastIndex((block) => block.node.type === "heading");
  before = before.slice(lastHeading + 1);
  const skipLines = new Set(titleLine === undefined ? [] : [titleLine]);
  const [prelude] = singleSpeakerTurn(before, speaker, { skipLines });
  if (prelude === undefined) return undefined;
  const length = (turns: readonly TurnDraft[]) =>
    turns.reduce(
      (sum, turn) =>
        sum +
        turn.paragraphs.reduce((inner, paragraph) => inner + readingLength(paragraph.text), 0),
      0,
    );
  // A talk says "I"; a journalist's lead says "he".
  const text = prelude.paragraphs.map((paragraph) => paragraph.text).join("\n");
  const me = text.match(/[我咱]|\b(I|I'm|I've|my|me)\b/gu)?.length ?? 0;
  const him = text.match(/[他她]|\b(he|she|his|her|him)\b/giu)?.length ?? 0;
  return length([prelude]) > length(drafts) && me > him ? prelude : undefined;
}

/**
 * The short forms of a speaker's names that the text uses (`费德勒` for
 * 罗杰·费德勒, `Federer` for Roger Federer): the last part of a full name,
 * when the text says it at least twice.
 */
export function shortForms(forms: Iterable<string>, prose: string): string[] {
  const out = new Set<string>();
  for (const form of forms) {
    const parts = form.split(/[·•・\s]+/u).filter((part) => part !== "");
    const last = parts.at(-1);
    if (parts.length < 2 || last === undefined || [...last].length < 2) continue;
    if (prose.split(last).length - 1 >= 2) out.add(last);
  }
  return [...out];
}

/** Speaks of the speaker, not as the speaker: names them, or says he/she and never I. */
function thirdPerson(text: string, names: readonly string[]): boolean {
  if (names.some((name) => text.includes(name))) return true;
  const he = /[他她]|\b(he|she|his|her|him)\b/iu.test(text);
  const me = /[我咱]|\b(I|I'm|I've|my|me|we|our)\b/u.test(text);
  return he && !me;
}

/**
 * The journalist's lead of a single-speaker talk: the paragraphs before the
 * body's first section heading (one that follows some prose, not a byline
 * set as a heading) that speak of the speaker in the third person. Empty
 * when no such heading opens a section of the talk.
 */
export function leadLines(
  blocks: readonly Block[],
  forms: Iterable<string>,
  titleLine: number | undefined,
): number[] {
  const names = [...forms].filter((form) => [...form].length >= 2);
  if (names.length === 0) return [];
  const prose: Array<{ line: number; text: string }> = [];
  for (const block of blocks) {
    const line = startLine(block.node);
    if (line === titleLine || block.inNoiseSection) continue;
    if (block.node.type === "heading" && prose.length > 0) {
      if (block.nonSpeech) return [];
      return prose.filter((entry) => thirdPerson(entry.text, names)).map((entry) => entry.line);
    }
    if (block.node.type !== "paragraph") continue;
    const [turn] = singleSpeakerTurn([block], "");
    const text = turn?.paragraphs.map((paragraph) => paragraph.text).join("\n");
    if (text !== undefined) prose.push({ line, text });
  }
  return [];
}
