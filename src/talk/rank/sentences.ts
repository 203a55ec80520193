/** Sentences and quoted phrases, the way a reader sees them. */
import { HAN } from "../../cjk.js";
import { segmenterFor } from "../../segmenters.js";

/** A run of text inside a paragraph: where it starts and ends, for joining neighbours exactly. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

const sentenceSegmenter = (lang: string) => segmenterFor(lang, "sentence");

/** A segment ending in one of these goes on: `Mr. Smith`, `St. Augustine`, `J. R. R.`. */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Prof|Sr|Jr|vs|etc|Inc|Ltd|Mt|Gen|Sen|Rep|Gov|No|[A-Z])\.\s*$/u;

/** A Chinese sentence may also end in an ellipsis: `……还有一件事`. */
const CJK_ELLIPSIS = /(?<=\p{Script=Han}[…]+[”’」』）)]*)(?=[\p{Script=Han}“「])/u;

/**
 * Splits a paragraph into sentences with `Intl.Segmenter` (which keeps
 * `The U.S. market is huge.` whole and closing quotes with their sentence),
 * then at line breaks, list items and Chinese ellipses; abbreviations such as
 * `Mr.` do not end a sentence.
 */
export function sentenceSpans(text: string, lang = HAN.test(text) ? "zh" : "en"): Span[] {
  const spans: Span[] = [];
  let merging: Span | undefined;
  for (const { segment, index } of sentenceSegmenter(lang).segment(text)) {
    const pieces = segment.split(/(?<=\n)|(?=\n)/u).flatMap((line) => line.split(CJK_ELLIPSIS));
    let offset = index;
    for (const piece of pieces) {
      const start = offset;
      offset += piece.length;
      if (piece.trim() === "") {
        if (piece.includes("\n")) merging = undefined;
        continue;
      }
      if (merging !== undefined) {
        merging.end = offset;
        merging.text = text.slice(merging.start, merging.end);
      } else {
        merging = { text: piece, start, end: offset };
        spans.push(merging);
      }
      if (!ABBREVIATION.test(merging.text)) merging = undefined;
    }
  }
  return spans.map(trimSpan).filter((span) => span.text !== "");
}

function trimSpan(span: Span): Span {
  const leading = span.text.length - span.text.trimStart().length;
  const text = span.text.trim();
  return { text, start: span.start + leading, end: span.start + leading + text.length };
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}

/** Text in quotation marks: `“…”`, `「…」`, `『…』`, and straight `"…"`. */
const QUOTED = /“([^“”]+)”|「([^「」]+)」|『([^『』]+)』|"([^"\n]+)"/gu;

/** Soft punctuation a quoted phrase may trail into: `"…mugged:"`, `“…”，`. */
const SOFT_EDGES = /^[\s,，、;；:：—–-]+|[\s,，、;；:：—–-]+$/gu;

/** The phrases a text puts in quotation marks, without the marks. */
export function quotedPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const inner = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").replace(SOFT_EDGES, "");
    if (inner !== "") phrases.push(inner);
  }
  return phrases;
}

/** Words that open a reply or carry on from before: `Yeah, so`, `But of course,`, `所以`, `其实`. */
const OPENERS =
  /^(?:[(（]?(?:[A-Za-z]|\d{1,2})[)）]\s*|\d{1,2}(?:\.\s+|、\s*)|[①-⑩]\s*|(?:and|but|so|or|yeah|yes|no|well|of course|again|truly|now|also|then|right|okay|oh|look|see|actually|honestly|frankly|basically|i mean|you know)\b[,，]?\s*|(?:所以说|所以|但是|但|而且|其实|然后|另外|那么|对|是的|嗯|当然|因此|不过)[，,、]?\s*)+/iu;

/** A clause that announces what follows: `我想说的点在于，`, `The thing is:`, `What that means is that`. */
const ANNOUNCES =
  /^(?:[^。！？.!?]{1,40}?(?:：|:(?=\s))\s*|[^。！？]{1,40}?(?:是|在于|就是|来看|来说|而言|看来|发现)[，,]\s*|[^,.;:]{1,60}?\b(?:is|was|means|see|say) that\s+)/iu;

/**
 * The sentence without what leads into its point: opening connectives and an
 * announcing clause (`But of course, waste is…` → `waste is…`). Undefined when
 * there is nothing to leave out.
 */
export function withoutLeadIn(sentence: string): string | undefined {
  const rest = sentence.replace(OPENERS, "").replace(ANNOUNCES, "").trim();
  return rest === sentence || rest === "" ? undefined : rest;
}
