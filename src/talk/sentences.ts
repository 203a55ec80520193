/**
 * Sentences the way a reader sees them, for every part that cuts text into
 * sentences (quote candidates, derived points, the deck's bullets, the
 * carousel): the platform's `Intl.Segmenter`, which keeps `The U.S. market is
 * huge.`, `3.5 million` and `e.g. this` whole and closing quotes with their
 * sentence, put right where ICU's rules do not fit a talk.
 */
import { HAN } from "../cjk.js";
import { segmenterFor } from "../segmenters.js";

/** A run of text inside a paragraph: where it starts and ends, for joining neighbours exactly. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * A sentence ending in one of these goes on: ICU ends a sentence at `Mr. `,
 * `e.g. ` or `U.S. ` before a capital (`Mr. Altman`, `e.g. Python`,
 * `U.S. Congress`), as it cannot tell them from a full stop. Not `No.`,
 * which in a transcript is mostly the answer (`No. And I mean…`), while ICU
 * keeps `No. 5 is` whole by itself; nor `etc.`, which mostly ends one
 * (`…to marketing, etc. These are…`). An initialism that does end a sentence
 * (`moved to the U.S. Then…`) is joined to the next: the rarer mistake.
 */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Prof|Sr|Jr|vs|Inc|Ltd|Mt|Gen|Sen|Rep|Gov|approx|cf|e\.g|i\.e|(?:[A-Z]\.)*[A-Z])\.\s*$/u;

/**
 * An ellipsis ends a sentence where ICU sees none (`…` is no full stop to
 * it): in Chinese before the next Han character or opening quote
 * (`好的……还有一件事`), in English before a capital, as `...` does for ICU
 * (`He paused… Then he left.`; `I think… maybe` goes on).
 */
const ELLIPSIS_END =
  /(?<=\p{Script=Han}…+[”’」』）)]*)(?=[\p{Script=Han}“「])|(?<=…[”’"]?\s+)(?=\p{Lu})/gu;

/**
 * A full stop after a whole lowercase word of five letters or more, then a
 * lowercase word: ICU goes on before a lowercase letter (right after `etc.`
 * or `e.g.`), but a sentence may open with a name written small, as in
 * `…contributors. curl of today is…`; an abbreviation is shorter.
 */
const LOWERCASE_START = /(?<=(?:^|[^\p{L}\p{N}.'’-])\p{Ll}{5,}\.\s+)(?=\p{Ll})/gu;

/**
 * An ellipsis opening a sentence, where a transcript picks up a cut-off line
 * (`…excited about? ...both Beth and Ronak`): ICU reads it as going on.
 */
const ELLIPSIS_START = /(?<=[.!?。！？][”’"」』)）]*\s+)(?=\.{3}|…)/gu;

/**
 * Opening quotes and brackets ICU leaves on the sentence before them, as it
 * counts them with closing ones (`他说完了。“下一句。”` → `他说完了。“`): they
 * open the next sentence.
 */
const TRAILING_OPENERS = /[“‘「『（(【《〈［[{]+$/u;

/**
 * Splits a paragraph into sentences: ICU's sentence breaks, also at line
 * breaks (list items, hard breaks), at ellipses and before a sentence that
 * opens in lowercase or with an ellipsis; abbreviations such as `Mr.` do not
 * end a sentence, and an opening quote starts the sentence it opens.
 */
export function sentenceSpans(text: string, lang = HAN.test(text) ? "zh" : "en"): Span[] {
  // Where ICU ends sentences, each moved back before the opening marks it left behind.
  const soft = new Set<number>();
  for (const { segment, index } of segmenterFor(lang, "sentence").segment(text)) {
    const end = index + segment.length;
    if (end < text.length) soft.add(end - openersAtEnd(text, index, end));
  }
  for (const pattern of [LOWERCASE_START, ELLIPSIS_START])
    for (const match of text.matchAll(pattern)) soft.add(match.index);
  // Line breaks and ellipses end a sentence even after an abbreviation.
  const hard = new Set<number>();
  for (const match of text.matchAll(/\n/gu)) hard.add(match.index).add(match.index + 1);
  for (const match of text.matchAll(ELLIPSIS_END)) hard.add(match.index);

  const spans: Span[] = [];
  let start = 0;
  for (const end of [...new Set([...soft, ...hard])].sort((a, b) => a - b)) {
    if (end <= start) continue;
    if (!hard.has(end) && ABBREVIATION.test(text.slice(start, end))) continue;
    spans.push(trimmed(text, start, end));
    start = end;
  }
  spans.push(trimmed(text, start, text.length));
  return spans.filter((span) => span.text !== "");
}

/**
 * How many characters at the end of ICU's segment open the next sentence. A
 * straight `"` opens one when the quotes before it, itself included, are odd
 * in number (`他说完了。"下一句。"`), else it closes its own (`他说："好。"`).
 */
function openersAtEnd(text: string, start: number, end: number): number {
  const segment = text.slice(start, end);
  if (segment.trimEnd() !== segment) return 0;
  const openers = TRAILING_OPENERS.exec(segment)?.[0].length ?? 0;
  if (openers > 0) return openers < segment.length ? openers : 0;
  if (!segment.endsWith('"') || segment.length < 2) return 0;
  const quotes = text.slice(0, end).split('"').length - 1;
  return quotes % 2 === 1 ? 1 : 0;
}

function trimmed(text: string, start: number, end: number): Span {
  const slice = text.slice(start, end);
  const leading = slice.length - slice.trimStart().length;
  const trimmedText = slice.trim();
  return { text: trimmedText, start: start + leading, end: start + leading + trimmedText.length };
}

/** The sentences of a text, each keeping its closing punctuation and quotes. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}
