import type { Paragraph } from "mdast";
import { type LabelKind, readLabel, readRoleLine } from "./labels.js";
import { inlineText } from "./markdown.js";
import { bracketAliases, knownFullNames, nameKey, People, type SpeakerHint } from "./names.js";
import type { Block } from "./sections.js";
import { findBio, isHostLabel, looksLikePersonName, roleOf } from "./speakers.js";

/** One use of a label in the write-up. */
interface LabelUse {
  name: string;
  kind: LabelKind;
}

/** Every label a paragraph opens with, outside noise sections; header role lines aside. */
function labelUses(blocks: readonly Block[]): LabelUse[] {
  const uses: LabelUse[] = [];
  for (const block of blocks) {
    if (block.inNoiseSection || block.node.type !== "paragraph") continue;
    const label = readLabel(block.node);
    if (label === undefined || label.name === "") continue;
    // `**第一课：努力不是神话**`: a bold line with no sentence end is a heading.
    const rest = inlineText(label.rest);
    if (
      label.wholeBold &&
      rest !== "" &&
      !isHostLabel(label.name) &&
      !/[。！？!?…."”]$/u.test(rest)
    )
      continue;
    uses.push({ name: label.name, kind: label.kind });
  }
  return uses;
}

/** A full name: two words or more, or a dotted rendering (`Chris Anderson`, `安德鲁·宾斯托克`). */
function isFullName(name: string): boolean {
  return looksLikePersonName(name) && /[\s·•・]/u.test(name.trim()) && !/[&]/.test(name);
}

function occurrences(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = /^[A-Za-z]/.test(name) ? `\\b${escaped}\\b` : escaped;
  return text.match(new RegExp(pattern, "giu"))?.length ?? 0;
}

/** What decides whether a label is a speaker, besides the labels themselves. */
export interface LabelContext {
  /** Names and aliases the front matter gives. */
  known: ReadonlySet<string>;
  /** The text of the write-up (title included), to see a name mentioned outside its label. */
  prose: string;
}

/**
 * Which labels are real speakers. A label used at least twice, one written
 * with a timestamp, one the front matter or a bio introduces, a role
 * (`主持人`, `Host`, `Q`) or the audience, always. A label used once, when it
 * is a person's name and either other bold names take turns (a
 * conversation), or it is a full name and other labels take turns or the
 * text names that person elsewhere (`This is Daniel Whitenack.`). Last, a
 * short form of a speaker already accepted (`Krugman`, `CA`). A one-off
 * `**Note:**`, `一些有意思的点：` or `**视频和多模态模型**：` is not a speaker.
 */
export function acceptLabels(blocks: readonly Block[], context: LabelContext): Set<string> {
  const uses = labelUses(blocks);
  const counts = new Map<string, number>();
  const kinds = new Map<string, Set<LabelKind>>();
  for (const use of uses) {
    counts.set(use.name, (counts.get(use.name) ?? 0) + 1);
    kinds.set(use.name, new Set([...(kinds.get(use.name) ?? []), use.kind]));
  }
  const knownKeys = new Set([...context.known].map(nameKey));
  const accepted = new Set<string>();
  for (const [name, count] of counts) {
    if (
      count >= 2 ||
      kinds.get(name)?.has("timestamp") === true ||
      knownKeys.has(nameKey(name)) ||
      isHostLabel(name) ||
      roleOf(name) === "audience" ||
      findBio(blocks, name) !== undefined
    )
      accepted.add(name);
  }
  const boldNames = [...counts.keys()].filter(
    (name) => kinds.get(name)?.has("bold") === true && looksLikePersonName(name),
  );
  for (const [name, count] of counts) {
    if (accepted.has(name) || count !== 1 || !looksLikePersonName(name)) continue;
    const bold = kinds.get(name)?.has("bold") === true;
    const others = [...accepted].some((other) => other !== name);
    if (
      (bold && boldNames.length >= 2) ||
      (isFullName(name) && (others || occurrences(context.prose, name) > count))
    )
      accepted.add(name);
  }
  const people = new People();
  for (const name of accepted) if (isFullName(name)) people.add(name);
  for (const name of counts.keys()) {
    if (!accepted.has(name) && people.resolve(name) !== undefined) accepted.add(name);
  }
  return accepted;
}

/**
 * The people the write-up names: the front matter's speakers, the full names
 * its speakers' labels use, dotted names, and names linked by a bracket
 * (`高德纳（Donald Knuth）`). Labels resolve against them.
 */
export function peopleOf(
  blocks: readonly Block[],
  hints: readonly SpeakerHint[],
  labels: Iterable<string>,
  prose: string,
): People {
  const people = new People();
  for (const hint of hints) people.add(hint.name, hint.aliases);
  const labelNames = [...labels];
  for (const name of labelNames) if (isFullName(name)) people.add(name);
  const dotted = knownFullNames(blocks);
  for (const name of dotted) people.add(name);
  const named = [...labelNames, ...dotted, ...hints.map((hint) => hint.name)];
  for (const [name, other] of bracketAliases(prose, named)) {
    // A bracket after a short label links it only when the label names one person.
    const known = people.find(name) ?? people.resolve(name);
    people.add(known?.name ?? name, [name, other]);
  }
  return people;
}

/** A Latin full name of two or three words, a dotted Chinese name. */
const LATIN_FULL = "[A-Z][\\p{Script=Latin}'’.-]+(?:\\s+[A-Z][\\p{Script=Latin}'’.-]+){1,2}";
const DOTTED = "[\\p{Script=Han}]{1,6}·[\\p{Script=Han}]{1,8}";
const NAME_AFTER_ROLE = new RegExp(
  [
    `(?:主持人|记者|主持|采访者|对话人)(?:是|为|[:：])?\\s*(${LATIN_FULL}|${DOTTED})`,
    `由\\s*(${LATIN_FULL}|[\\p{Script=Han}·]{2,12}?)\\s*(?:主持|采访)`,
    `\\b(?:hosted|moderated|interviewed|conducted) by\\s+(${LATIN_FULL})`,
    `\\b(?:host|interviewer|moderator)\\s+(${LATIN_FULL})`,
  ].join("|"),
  "gu",
);

/**
 * The interviewer the write-up names, when it names exactly one: `主持人是…`,
 * `前福布斯记者Olivia Kinghorst`, `由…主持`, `hosted by …`, `Host: …`.
 */
export function interviewerNamed(
  blocks: readonly Block[],
  prose: string,
  turnLabels: ReadonlySet<string>,
): string | undefined {
  const names = new Set<string>();
  for (const match of prose.matchAll(NAME_AFTER_ROLE)) {
    const name = (match[1] ?? match[2] ?? match[3] ?? match[4])?.trim();
    if (name !== undefined) names.add(name);
  }
  for (const block of blocks) {
    if (block.node.type !== "paragraph") continue;
    const line = readRoleLine(block.node);
    // `主持人：好的` in a transcript labelled `主持人：` is a turn, not a header line.
    const label = readLabel(block.node)?.name;
    if (line?.role !== "host" || (label !== undefined && turnLabels.has(label))) continue;
    for (const name of line.names) names.add(name);
  }
  const [only, second] = names;
  return second === undefined ? only : undefined;
}

/** The speaker a header line names: `**Presenter:** [[Jane Doe]]`, `演讲者：…`. */
export function presenterNamed(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    if (block.inNoiseSection || block.node.type !== "paragraph") continue;
    const line = readRoleLine(block.node as Paragraph);
    if (line?.role === "speaker" && line.names.length === 1) return line.names[0];
  }
  return undefined;
}
