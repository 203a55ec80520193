/**
 * Quote candidates: every sentence a speaker says, the sentence without its
 * lead-in, the phrases it puts in quotation marks, two sentences where the
 * second leans on the first, and bold spans; each once, where it is said last.
 */
import type { PhrasingContent } from "mdast";
import { inlineText, rawInlineText, startLine } from "../markdown.js";
import { isNoiseText } from "../noise.js";
import { readingLength } from "../text.js";
import type { TurnDraft, TurnParagraph } from "../turns.js";
import type { TalkSentence } from "./context.js";
import type { Candidate } from "./features.js";
import { BOLD_LINE, compact } from "./model.js";
import { quotedPhrases, sentenceSpans, splitSentences, withoutLeadIn } from "./sentences.js";

const HAN = /\p{Script=Han}/u;

/** Punctuation that may trail a bold span across a line break: `**…规模**\n，`. */
const TRAILING_END = /^\s*([。！？!?…]+|\.(?=\s|$))/u;
const TRAILING_SOFT = /[\s，、；：,;:—-]+$/u;

/** A sentence that leans on the one before it cannot stand alone on a card. */
const LEANS_ON_PREVIOUS =
  /^(但|但是|可是|然而|而|而且|并且|所以|因此|因为|甚至|这|那|它|其|也|此外|另外|(and|but|so|that|this|it|which|because|also|that's why)\b)/iu;

/** The text of a bold span, with the sentence end that a line break pushed outside it. */
function boldSpanText(nodes: readonly PhrasingContent[], index: number): string {
  const node = nodes[index];
  if (node?.type !== "strong") return "";
  let text = inlineText(node.children).replace(TRAILING_SOFT, "");
  const next = nodes[index + 1];
  const end = next?.type === "text" ? TRAILING_END.exec(next.value)?.[1] : undefined;
  if (end !== undefined && !/[。！？!?….]$/u.test(text)) text += end;
  text = text.replace(/^[“"「]+|[”"」]+$/gu, "").trim();
  return HAN.test(text) ? text.replace(/\s+(?=[\p{Script=Han}，。])/gu, "") : text;
}

/** Splits a long bold span into runs of sentences that each stand on their own. */
function selfContainedRuns(text: string): string[] {
  const runs: string[] = [];
  for (const sentence of splitSentences(text)) {
    const last = runs.length - 1;
    if (last >= 0 && LEANS_ON_PREVIOUS.test(sentence)) runs[last] += sentence;
    else runs.push(sentence);
  }
  return runs;
}

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
 * For each non-space character of the paragraph's text, the source line it
 * is on: the raw inline text keeps the soft line breaks that joining removed.
 * (Transcript markers dropped from the text can shift it by a line.)
 */
function lineOfCharacter(paragraph: TurnParagraph): (offset: number) => number {
  // Counted back from where the first placed node ends: the label reader trims
  // the start of a label's rest (`**Name：**⏎text`) but keeps its position.
  const at = paragraph.inline.findIndex((node) => node.position !== undefined);
  const end = paragraph.inline[at]?.position?.end.line;
  if (end === undefined) return () => paragraph.line;
  const upToEnd = rawInlineText(paragraph.inline.slice(0, at + 1));
  const lines: number[] = [];
  let line = end - (upToEnd.match(/\n/gu)?.length ?? 0);
  for (const char of rawInlineText(paragraph.inline)) {
    if (char === "\n") line += 1;
    else if (!/\s/u.test(char)) lines.push(line);
  }
  return (offset) => {
    const visible = paragraph.text.slice(0, offset).replace(/\s+/gu, "").length;
    return lines[Math.min(visible, lines.length - 1)] ?? paragraph.line;
  };
}

/** How much of a sentence the bold spans of its paragraph cover. */
function boldShare(sentence: string, bold: readonly string[]): number {
  const key = compact(sentence);
  if (key === "") return 0;
  let covered = 0;
  for (const span of bold) {
    if (span.includes(key)) return 1;
    if (key.includes(span)) covered += span.length;
  }
  return Math.min(1, covered / key.length);
}

/** Two short sentences read as one when the second leans on the first and says something itself. */
function joinable(first: string, second: string): boolean {
  const han = HAN.test(first + second);
  const units = readingLength(second);
  // A tail too short to be a candidate itself (`That is all.`) adds nothing.
  if (units < (han ? 6 : 4) || !LEANS_ON_PREVIOUS.test(second)) return false;
  return readingLength(first) + units <= (han ? 90 : 45);
}

/**
 * Candidates from one paragraph: each sentence, the phrases it puts in
 * quotation marks, a sentence joined to the one it leans on, and bold spans
 * that are not whole sentences.
 */
function paragraphCandidates(
  turn: TurnDraft,
  paragraph: TurnParagraph,
  sentences: readonly TalkSentence[],
  firstOrder: number,
): Candidate[] {
  const found: Candidate[] = [];
  const bold: Array<{ text: string; line: number }> = [];
  paragraph.inline.forEach((node, index) => {
    if (node.type !== "strong") return;
    for (const text of selfContainedRuns(boldSpanText(paragraph.inline, index)))
      bold.push({ text, line: startLine(node) });
  });
  const boldKeys = bold.map((run) => compact(run.text)).filter((key) => key !== "");
  const lineAt = lineOfCharacter(paragraph);
  const base = { speaker: turn.speaker };
  sentences.forEach((sentence, index) => {
    const order = firstOrder + index;
    const common = {
      ...base,
      line: lineAt(sentence.start),
      turn: sentence.turn,
      paragraph: sentence.paragraph,
      order,
      closes: index === sentences.length - 1,
    };
    found.push({
      ...common,
      text: sentence.text,
      kind: "sentence",
      bold: boldShare(sentence.text, boldKeys),
      sentence: sentence.text,
    });
    const point = withoutLeadIn(sentence.text);
    if (point !== undefined) {
      found.push({
        ...common,
        text: point,
        kind: "trimmed",
        bold: boldShare(point, boldKeys),
        sentence: sentence.text,
      });
    }
    for (const phrase of quotedPhrases(sentence.text)) {
      found.push({
        ...common,
        text: phrase,
        kind: "quoted",
        bold: boldShare(phrase, boldKeys),
        sentence: sentence.text,
      });
    }
    const previous = sentences[index - 1];
    if (previous !== undefined && joinable(previous.text, sentence.text)) {
      const text = paragraph.text.slice(previous.start, sentence.end);
      found.push({
        ...common,
        order: order - 1,
        text,
        kind: "joined",
        bold: boldShare(text, boldKeys),
        sentence: text,
      });
    }
  });
  const sentenceKeys = sentences.map((sentence) => compact(sentence.text));
  for (const { text: run, line } of bold) {
    const key = compact(run);
    if (key === "" || isNoiseText(run) || sentenceKeys.includes(key)) continue;
    const at = Math.max(
      0,
      sentenceKeys.findIndex((sentence) => sentence.includes(key)),
    );
    const sentence = sentences[at];
    found.push({
      ...base,
      line,
      turn: sentence?.turn ?? 0,
      paragraph: sentence?.paragraph ?? 0,
      order: firstOrder + at,
      text: run,
      kind: "bold",
      bold: 1,
      sentence: sentence?.text ?? run,
      closes: at === sentences.length - 1,
    });
  }
  return found;
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
