/**
 * Text measuring without a browser: an estimate of how wide a text is drawn
 * in the deck's fonts (Inter for Latin, Noto Sans SC for CJK), good enough to
 * plan which sentences share a slide. The browser tests check the plan: no
 * slide of the example or the corpus cases overflows.
 */
import { CJK_LETTER_OR_PUNCTUATION } from "../cjk.js";

/** Advance of one character in em, on the wide side of Inter's and Noto Sans SC's. */
function advance(char: string): number {
  if (CJK_LETTER_OR_PUNCTUATION.test(char)) return 1;
  if (char === " ") return 0.28;
  if (/[A-Z]/.test(char)) return 0.7;
  if (/[a-z0-9]/.test(char)) return 0.56;
  if (/[.,:;'!|il]/.test(char)) return 0.3;
  return 0.6;
}

/** The text's width in em; bold is drawn about 6% wider. */
export function widthEm(text: string, bold = false): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return bold ? width * 1.06 : width;
}

/**
 * Lines the text takes at `size` px in a box `width` px wide. Lines break
 * between words or phrases, never mid-word, so a line is on average a little
 * short of the box: counted as 90% full.
 */
export function lineCount(text: string, size: number, width: number, bold = false): number {
  return Math.max(1, Math.ceil((widthEm(text, bold) * size) / (width * 0.9)));
}
