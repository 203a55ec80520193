/**
 * Quote candidates: every sentence a speaker says, the sentence without its
 * lead-in, the phrases it puts in quotation marks, two sentences where the
 * second leans on the first, and bold spans; each once, where it is said last.
 */
import { HAN } from "../../cjk.js";
import { inlineText } from "../markdown.js";
import { isNoiseText } from "../noise.js";
import { sentenceSpans } from "../sentences.js";
import { readingLength } from "../text.js";
import type { TurnDraft, TurnParagraph } from "../turns.js";
import type { TalkSentence } from "./context.js";
import type { Candidate } from "./features.js";
import { BOLD_LINE, compact } from "./model.js";
import { paragraphCandidates, TRAILING_SOFT } from "./paragraph-candidates.js";

/** Filler, sponsor reads and housekeeping are never quotes. */
const NOT_QUOTABLE =
  /\b(um+|uh+|you know|i mean|kind of hard|brought to you by|sponsor(ed)?|promo code|use code|% off|subscribe|thanks for having me|welcome to the show|great to be here)\b|赞助|广告时间|插播广告|嗯|呃|欢迎来到|感谢邀请/iu;

const LINK_OR_TIME = /https?:\/\/\S+|www\.\S+|\b\d{1,2}:\d{2}(?::\d{2})?\b/giu;

/**
 * Long enough to say something (6 Chinese characters, 4 words) and, unless
 * the write-up set it in bold, short enough for a card (120 or 60: twice the
 * most comfortable length); not a question, not filler, not mostly a link or
 * a time.
 */
function quotable({ text, bold }: Candidate): boolean {
  const units = readingLength(text);
  const han = HAN.test(text);
  const enough = (count: number) => (han ? count >= 6 : count >= 4);
  if (!enough(units) || (bold < BOLD_LINE && units > (han ? 120 : 60))) return false;
  if (/[？?]$/u.test(text) || NOT_QUOTABLE.test(text)) return false;
  const rest = readingLength(text.replace(LINK_OR_TIME, " "));
  return enough(rest) && rest * 2 >= units && !isNoiseText(text);
}

/**
 * Card text: no trailing comma (a paragraph the clipper cut mid-sentence) and
 * no space before Chinese punctuation (`会到来 ，而且`, left by a bold span).
 */
function tidy(text: string): string {
  return text.replace(TRAILING_SOFT, "").replace(/\s+(?=[，。、；：！？）」』”])/gu, "");
}

/** Every paragraph of every turn, cut into sentences. */
export function talkSentences(turns: readonly TurnDraft[]): TalkSentence[] {
  const sentences: TalkSentence[] = [];
  let paragraphIndex = 0;
  turns.forEach((turn, turnIndex) => {
    turn.paragraphs.forEach((paragraph, inTurn) => {
      for (const [index, span] of sentenceSpans(paragraph.text).entries()) {
        sentences.push({
          ...span,
          speaker: turn.speaker,
          turn: turnIndex,
          paragraph: paragraphIndex,
          opensTurn: inTurn === 0 && index === 0,
        });
      }
      paragraphIndex += 1;
    });
  });
  return sentences;
}

/**
 * What the editor bolded inside a host's paragraph: an interviewer who states
 * a view of their own is quoted where the editor marked it. A paragraph that
 * is bold as a whole is how a write-up sets the questions apart, not a pick.
 */
function editorsPicks(paragraph: TurnParagraph, candidates: readonly Candidate[]): Candidate[] {
  const picked = candidates.filter((candidate) => candidate.bold === 1);
  if (picked.length === 0) return [];
  const plain = compact(inlineText(paragraph.inline.filter((node) => node.type !== "strong")));
  return /[\p{L}\p{N}]/u.test(plain) ? picked : [];
}

/**
 * Every quotable candidate, once each, in the talk's order: of the speakers
 * not in `notSpeakers`, and of the `hosts`, only what the editor bolded.
 */
export function candidatesOf(
  turns: readonly TurnDraft[],
  notSpeakers: ReadonlySet<string>,
  sentences: readonly TalkSentence[],
  hosts: ReadonlySet<string> = new Set(),
): Candidate[] {
  const found: Candidate[] = [];
  let order = 0;
  let paragraphIndex = 0;
  for (const turn of turns) {
    for (const paragraph of turn.paragraphs) {
      let count = 0;
      while (sentences[order + count]?.paragraph === paragraphIndex) count += 1;
      const own = sentences.slice(order, order + count);
      if (!notSpeakers.has(turn.speaker)) {
        found.push(...paragraphCandidates(turn, paragraph, own, order));
      } else if (hosts.has(turn.speaker)) {
        found.push(...editorsPicks(paragraph, paragraphCandidates(turn, paragraph, own, order)));
      }
      order += count;
      paragraphIndex += 1;
    }
  }
  const kept = found
    .map((candidate) => ({ ...candidate, text: tidy(candidate.text) }))
    .filter(quotable);
  // A line said twice (a teaser, then the turn) is kept where it is said last.
  const keys = kept.map((candidate) => compact(candidate.text));
  const last = new Map<string, number>();
  keys.forEach((key, index) => {
    last.set(key, index);
  });
  return kept.filter((_, index) => last.get(keys[index] ?? "") === index);
}
