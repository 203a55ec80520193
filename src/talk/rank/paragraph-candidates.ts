/**
 * Candidates from one paragraph: each sentence, the sentence without its
 * lead-in, the phrases it puts in quotation marks, two sentences where the
 * second leans on the first, and bold spans that are not whole sentences.
 */

import type { PhrasingContent } from "mdast";
import { HAN } from "../../cjk.js";
import { inlineText, rawInlineText, startLine } from "../markdown.js";
import { isNoiseText } from "../noise.js";
import { splitSentences } from "../sentences.js";
import { readingLength } from "../text.js";
import type { TurnDraft, TurnParagraph } from "../turns.js";
import type { TalkSentence } from "./context.js";
import type { Candidate } from "./features.js";
import { compact } from "./model.js";
import { quotedPhrases, withoutLeadIn } from "./phrases.js";

/** Punctuation that may trail a bold span across a line break: `**…规模**\n，`. */
const TRAILING_END = /^\s*([。！？!?…]+|\.(?=\s|$))/u;
/** Space and punctuation that do not end a sentence, at the end of a text. */
export const TRAILING_SOFT = /[\s，、；：,;:—-]+$/u;

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

/** A run of a bold span that stands on its own, with the line the span starts on. */
interface BoldRun {
  text: string;
  line: number;
}

/** The paragraph's bold spans, cut into runs of sentences that each stand on their own. */
function boldRunsOf(paragraph: TurnParagraph): BoldRun[] {
  const bold: BoldRun[] = [];
  paragraph.inline.forEach((node, index) => {
    if (node.type !== "strong") return;
    for (const text of selfContainedRuns(boldSpanText(paragraph.inline, index)))
      bold.push({ text, line: startLine(node) });
  });
  return bold;
}

/** Where a candidate was said: what every candidate taken from one sentence shares. */
type Placement = Pick<Candidate, "speaker" | "line" | "turn" | "paragraph" | "order" | "closes">;

/** A candidate at `place`, with the share of its text the paragraph's bold spans cover. */
function placedCandidate(
  place: Placement,
  kind: Candidate["kind"],
  text: string,
  sentence: string,
  boldKeys: readonly string[],
): Candidate {
  return { ...place, text, kind, bold: boldShare(text, boldKeys), sentence };
}

/**
 * Candidates from one sentence: the sentence, the sentence without its
 * lead-in, the phrases it puts in quotation marks, and the sentence joined to
 * the one before it when it leans on that one.
 */
function sentenceCandidates(
  paragraphText: string,
  sentence: TalkSentence,
  previous: TalkSentence | undefined,
  place: Placement,
  boldKeys: readonly string[],
): Candidate[] {
  const found = [placedCandidate(place, "sentence", sentence.text, sentence.text, boldKeys)];
  const point = withoutLeadIn(sentence.text);
  if (point !== undefined)
    found.push(placedCandidate(place, "trimmed", point, sentence.text, boldKeys));
  for (const phrase of quotedPhrases(sentence.text))
    found.push(placedCandidate(place, "quoted", phrase, sentence.text, boldKeys));
  if (previous !== undefined && joinable(previous.text, sentence.text)) {
    const text = paragraphText.slice(previous.start, sentence.end);
    const joinedPlace = { ...place, order: place.order - 1 };
    found.push(placedCandidate(joinedPlace, "joined", text, text, boldKeys));
  }
  return found;
}

/**
 * Bold runs that are not whole sentences, each placed at the first sentence
 * that holds it (else at the paragraph's first sentence).
 */
function boldRunCandidates(
  bold: readonly BoldRun[],
  sentences: readonly TalkSentence[],
  speaker: string,
  firstOrder: number,
): Candidate[] {
  const found: Candidate[] = [];
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
      speaker,
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
 * Candidates from one paragraph: each sentence, the phrases it puts in
 * quotation marks, a sentence joined to the one it leans on, and bold spans
 * that are not whole sentences.
 */
export function paragraphCandidates(
  turn: TurnDraft,
  paragraph: TurnParagraph,
  sentences: readonly TalkSentence[],
  firstOrder: number,
): Candidate[] {
  const bold = boldRunsOf(paragraph);
  const boldKeys = bold.map((run) => compact(run.text)).filter((key) => key !== "");
  const lineAt = lineOfCharacter(paragraph);
  const found: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    const place: Placement = {
      speaker: turn.speaker,
      line: lineAt(sentence.start),
      turn: sentence.turn,
      paragraph: sentence.paragraph,
      order: firstOrder + index,
      closes: index === sentences.length - 1,
    };
    const previous = sentences[index - 1];
    found.push(...sentenceCandidates(paragraph.text, sentence, previous, place, boldKeys));
  });
  found.push(...boldRunCandidates(bold, sentences, turn.speaker, firstOrder));
  return found;
}
