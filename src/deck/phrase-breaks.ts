import { segmentText } from "../cards/phrases.js";
import { HAN_KANA_OR_CJK_PUNCTUATION } from "../cjk.js";
import { recentByKey } from "../once.js";
import { segmenterFor } from "../segmenters.js";
import { escapeInline, escapeLineStart, normalizeText } from "./escape.js";

/**
 * Phrase-aware line breaks for the slides. The theme sets
 * `word-break: keep-all`, so Chromium no longer breaks between any two CJK
 * characters; a `<wbr>` between BudouX phrases (with kinsoku and particles
 * kept with their word, as on the cards) is where a CJK line may break.
 * Latin text keeps breaking at its spaces.
 */
export const WBR = "<wbr>";

/** Addresses marp-core's linkify turns into links: a `<wbr>` inside would cut the link. */
const URL = /(?:https?:\/\/|www\.)\S+/giu;

/**
 * Offsets in `text` where a phrase ends and the next begins, found by walking
 * the segments along the text (they hold the same characters minus spaces;
 * a no-break space stands for a space where the last two were joined).
 */
function segmentEnds(text: string, lang: string): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const segment of segmentText(text, lang)) {
    while (text[at] === " ") at += 1;
    const piece = segment.text.replace(/\u00a0/g, " ");
    if (!text.startsWith(piece, at)) break;
    at += piece.length;
    ends.push(at);
  }
  return ends;
}

/**
 * Where words start, by ICU's dictionary. BudouX's Simplified Chinese model
 * often cuts words into single characters (`智|能体`, `用|户`); keeping only
 * the phrase ends that are also word starts (`智能体|的|未来`) joins them
 * again, and every break is still between two BudouX phrases.
 */
function wordStarts(text: string, lang: string): Set<number> {
  const segmenter = segmenterFor(lang, "word");
  return new Set([...segmenter.segment(text)].map((segment) => segment.index));
}

/** Where a `<wbr>` goes: between phrases and words, next to a CJK character, outside addresses. */
function breakOffsets(text: string, lang: string): number[] {
  if (!HAN_KANA_OR_CJK_PUNCTUATION.test(text)) return [];
  const urls = [...text.matchAll(URL)].map((match) => [match.index, match.index + match[0].length]);
  const words = wordStarts(text, lang);
  return segmentEnds(text, lang).filter((at) => {
    if (!words.has(at)) return false;
    const before = text[at - 1] ?? " ";
    const after = text[at] ?? " ";
    if (before === " " || after === " " || after === "\u2060") return false;
    if (!HAN_KANA_OR_CJK_PUNCTUATION.test(before) && !HAN_KANA_OR_CJK_PUNCTUATION.test(after))
      return false;
    return !urls.some(([start = 0, end = 0]) => at > start && at < end);
  });
}

/**
 * Text from the talk (untrusted) as Markdown for a slide, escaped exactly as
 * `escapeMarkdown` escapes it, with `<wbr>` between its CJK phrases. The
 * breaks go in only after each piece is escaped, so no text can make one
 * into anything else, and only marp-core's `wbr` tag is let through
 * (marp-options.ts).
 */
export function escapeWithBreaks(text: string, lang: string): string {
  // A rebuild after an edit escapes mostly the same texts again: BudouX and ICU are the slow part.
  return recentByKey(escaped, `${lang}\n${text}`, 4096, () => breakAndEscape(text, lang));
}

const escaped = new Map<string, string>();

function breakAndEscape(text: string, lang: string): string {
  const normalized = normalizeText(text);
  const pieces: string[] = [];
  let from = 0;
  for (const at of breakOffsets(normalized, lang)) {
    pieces.push(escapeInline(normalized.slice(from, at)));
    from = at;
  }
  pieces.push(escapeInline(normalized.slice(from)));
  return escapeLineStart(pieces.join(WBR));
}
