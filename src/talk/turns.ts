import type { List, Paragraph, PhrasingContent } from "mdast";
import { isEditorial, isEndMarker, isFragment } from "./editorial.js";
import { readLabel, readRoleLine } from "./labels.js";
import { inlineText, isImageOnly, nodeText, ownText, startLine } from "./markdown.js";
import { isNoiseHeadingText, isNoiseParagraph, isNoiseText } from "./noise.js";
import type { Block } from "./sections.js";
import { readingLength } from "./text.js";

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

/** The names of the speakers of the turns, each once, in the order they first speak. */
export function speakerNamesOf(drafts: readonly TurnDraft[]): string[] {
  return [...new Set(drafts.map((turn) => turn.speaker))];
}

/** A speaker's name and every label the talk wrote them with: what a title or a host word is matched against. */
export function namesAndLabels(labelsUsed: ReadonlyMap<string, ReadonlySet<string>>) {
  return (name: string): Set<string> => new Set([name, ...(labelsUsed.get(name) ?? [])]);
}

/** Lines that are not anyone's words wherever they sit: noise, images, captions, bylines, asides. */
function isAside(paragraph: Paragraph): boolean {
  return isImageOnly(paragraph) || isNoiseParagraph(paragraph) || isEditorial(paragraph);
}

/** `668篇原创内容`: the middle of an account card, whose name and slogan sit just above it. */
const ACCOUNT_CARD = /^\d+\s*篇原创内容$/u;

/** What a paragraph between a speaker's paragraphs is. */
type Between = "speech" | "aside" | "card" | "end";

function between(paragraph: Paragraph): Between {
  const text = nodeText(paragraph).trim();
  if (isEndMarker(paragraph) || isNoiseHeadingText(text)) return "end";
  if (ACCOUNT_CARD.test(text)) return "card";
  if (isAside(paragraph) || readRoleLine(paragraph) !== undefined || isFragment(text))
    return "aside";
  return "speech";
}

/**
 * `门多萨线：Mendoza Line，指的是…` right after a speaker said 「门多萨线」: the
 * editor explains a term the turn quoted; it is not the speaker's.
 */
function isGloss(term: string, turn: TurnDraft): boolean {
  const last = turn.paragraphs.at(-1)?.text ?? "";
  return ["「」", "“”", '""', "《》", "‘’", "『』"].some((pair) =>
    last.includes(`${pair[0]}${term}${pair[1]}`),
  );
}

/** Drops the account's name and slogan a card leaves at the end of a turn (short lines just above it). */
function dropCardHead(turn: TurnDraft | undefined, cardLine: number): void {
  const last = turn?.paragraphs.at(-1);
  if (turn === undefined || last === undefined) return;
  // The card's description sits on the line block just above `N篇原创内容`, its name (short) a little higher.
  const gap = cardLine - last.line;
  if ((gap <= 2 && readingLength(last.text) <= 100) || (gap <= 4 && readingLength(last.text) <= 30))
    turn.paragraphs.pop();
}

/**
 * Groups the transcript into turns: a labelled paragraph opens a turn, the
 * paragraphs after it without a label continue it (a bare `(00:05:19):`
 * says so). Noise, images, captions, bylines and italic asides are skipped; a
 * header line naming the speakers (`Presenter: …`) is not a turn; a section
 * about the talk (summary, bios, footnotes) ends the turn; a noise section
 * (往期精选…) or the article's end marker (`-END-`) ends the transcript.
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
    if (node.type === "heading" && block.nonSpeech) current = undefined;
    if (node.type === "paragraph") {
      const kind = between(node);
      if (kind === "end") {
        if (turns.length > 0) break;
        continue;
      }
      if (kind === "card") dropCardHead(current, startLine(node));
      const label = readLabel(node);
      if (label !== undefined && label.name !== "" && speakers.has(label.name)) {
        if (turns.length === 0 && readRoleLine(node) !== undefined) continue;
        current = { speaker: canonical(label.name), line: startLine(node), paragraphs: [] };
        turns.push(current);
        const text = inlineText(label.rest);
        if (text !== "" && !isNoiseText(text)) {
          current.paragraphs.push({ text, inline: label.rest, line: startLine(node) });
        }
        continue;
      }
      if (current === undefined || block.nonSpeech || kind !== "speech") continue;
      if (label !== undefined && isGloss(label.name, current)) continue;
      // `(00:05:19):` with the speech below: the same speaker goes on.
      const inline = label?.name === "" ? label.rest : node.children;
      const text = inlineText(inline);
      if (text !== "") current.paragraphs.push({ text, inline, line: startLine(node) });
    } else if (current !== undefined && !block.nonSpeech) {
      if (node.type === "blockquote" || node.type === "list") {
        const text = nodeText(node);
        if (text !== "" && !isNoiseText(text))
          current.paragraphs.push({ text, inline: [], line: startLine(node) });
      }
    }
  }
  return turns.filter((turn) => turn.paragraphs.length > 0);
}

/** `Title: …`, `日期：…` lines, one or several: a header, not speech. */
const HEADER_LINES = /^(?:[^:：\n]{1,12}[:：][^\n]*\n?)+$/u;

/** Each item of a list (nested items too) as a paragraph of its own: notes are often bullets. */
function listParagraphs(list: List): TurnParagraph[] {
  const out: TurnParagraph[] = [];
  for (const item of list.children) {
    for (const child of item.children) {
      if (child.type === "paragraph") {
        const text = inlineText(child.children);
        if (text === "" || isAside(child) || HEADER_LINES.test(ownText(child))) continue;
        out.push({ text, inline: child.children, line: startLine(child) });
      } else if (child.type === "list") out.push(...listParagraphs(child));
    }
  }
  return out;
}

/** What a single-speaker turn leaves out besides asides and sections about the talk. */
export interface SingleSpeakerOptions {
  /** Lines of blocks that are not the talk: the title line, summary points, the lead. */
  skipLines?: ReadonlySet<number>;
}

/**
 * A talk with no speaker labels (a keynote, an essay, notes of a talk): every
 * paragraph and list item of the body is one turn of the one speaker the
 * front matter, a `Presenter:` line or the title names. Headings (a written
 * interview's questions), header lines, sections about the talk (summary,
 * abstract, bios, discussion, links) and asides are left out.
 */
export function singleSpeakerTurn(
  blocks: readonly Block[],
  speaker: string,
  options: SingleSpeakerOptions = {},
): TurnDraft[] {
  const skip = options.skipLines ?? new Set<number>();
  const paragraphs: TurnParagraph[] = [];
  const draft: TurnDraft = { speaker, line: 0, paragraphs };
  for (const block of blocks) {
    const { node } = block;
    if (block.inNoiseSection || block.nonSpeech || skip.has(startLine(node))) continue;
    if (node.type === "list") {
      paragraphs.push(...listParagraphs(node).filter((item) => !skip.has(item.line)));
      continue;
    }
    if (node.type !== "paragraph") continue;
    const kind = between(node);
    if (kind === "end") {
      if (paragraphs.length > 0) break;
      continue;
    }
    if (kind === "card") dropCardHead(draft, startLine(node));
    if (kind !== "speech") continue;
    const text = inlineText(node.children);
    if (text === "" || HEADER_LINES.test(ownText(node))) continue;
    paragraphs.push({ text, inline: node.children, line: startLine(node) });
  }
  const [first] = paragraphs;
  return first === undefined ? [] : [{ speaker, line: first.line, paragraphs }];
}
