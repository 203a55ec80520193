import { CJK_FULL_WIDTH } from "../cjk.js";
import type { CardSize } from "../config/model.js";
import { cardLayout } from "./layout.js";

/**
 * How much text a card can hold, estimated without drawing: drawing a quote
 * that cannot fit costs seconds to minutes (satori lays the whole text out at
 * every size it tries: 9.5 s for 1,000 words, 5 minutes for 200 KB), so
 * selection and the renderer ask this first.
 *
 * The estimate is a lower bound of the area the quote's glyphs take at the
 * card's smallest font size: the sum of the narrowest advance any bundled
 * card face gives each character, times the font size, times one line height
 * of 1 em (the built-in layouts use 1.35 and 1.5), with no space lost to line
 * breaks. Text needing more than the whole card cannot fit under any template
 * that keeps text at or above `minFont`.
 */

/**
 * Advances of U+0020–U+007E in thousandths of an em: the smaller of Inter 400
 * and 700 (the weights cards use), rounded down. The test checks them against
 * the font files.
 */
// biome-ignore format: a table of 95 numbers, 16 to a row
export const ASCII_ADVANCES: readonly number[] = [
  236, 287, 465, 632, 641, 981, 643, 299, 364, 364, 500, 661, 287, 459, 287, 359,
  630, 406, 609, 617, 645, 592, 619, 565, 618, 619, 287, 301, 661, 661, 661, 510,
  965, 689, 653, 729, 721, 600, 586, 745, 742, 268, 570, 671, 564, 902, 752, 764,
  638, 764, 643, 641, 645, 731, 689, 984, 681, 678, 628, 364, 359, 364, 470, 455,
  322, 561, 611, 570, 611, 582, 369, 612, 590, 241, 241, 548, 241, 875, 590, 599,
  611, 611, 375, 527, 326, 590, 561, 817, 545, 561, 551, 425, 332, 425, 661,
];

/** Emoji are drawn one em square. */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** Marks, joiners and selectors draw nothing of their own. */
const ZERO_WIDTH = /[\p{M}\p{Cf}]/u;
/** Any other character: the narrowest glyph of any bundled face (Inter's thin space, 0.157 em). */
const NARROWEST = 0.15;

/** A lower bound of the text's width on one line, in ems (runs of white space collapse to one space). */
export function minimumWidthEm(text: string): number {
  let thousandths = 0;
  let other = 0;
  for (const char of text.replace(/\s+/gu, " ")) {
    const code = char.codePointAt(0) ?? 0;
    const ascii = ASCII_ADVANCES[code - 0x20];
    if (ascii !== undefined) thousandths += ascii;
    else if (CJK_FULL_WIDTH.test(char) || PICTOGRAPH.test(char)) thousandths += 1000;
    else if (!ZERO_WIDTH.test(char)) other += NARROWEST;
  }
  return thousandths / 1000 + other;
}

/**
 * Share of a card's area a quote may need (by the bound above) to be chosen
 * automatically. Measured by drawing ever longer quotes (English and Chinese,
 * both built-in layouts, every preset, with a speaker's title, an event and a
 * handle) until they no longer fit at the smallest font size (1/40 of the
 * width or more, layout.ts): the longest that fit needed 0.21–0.40 of the
 * card (0.23 on classic link cards, 0.21 on a 400×300 card). 0.18 leaves a
 * margin for long names and titles, and keeps every candidate of the sample
 * talk (at most 0.10 of a square card, 0.17 of a link card, where it is drawn
 * at 42 px or more) choosable. A longer quote would be drawn at the smallest
 * size at best, or stop the build after seconds of measuring.
 */
const AUTO_SHARE = 0.18;

export interface CardFit {
  /** The card's smallest font size, in pixels. */
  minFont: number;
  /** A lower bound of the square pixels the text takes at `minFont`. */
  textArea: number;
  /** Cannot fit this size under any template: a quote chosen by hand fails before drawing. */
  impossible: boolean;
  /** Too long to choose automatically for this size (see AUTO_SHARE). */
  tooLongForAuto: boolean;
}

/** Whether a quote can fit a card of this size at its smallest font size, estimated without drawing. */
export function estimateFit(text: string, size: CardSize): CardFit {
  const { minFont } = cardLayout(size);
  const textArea = minimumWidthEm(text) * minFont * minFont;
  const cardArea = size.width * size.height;
  return {
    minFont,
    textArea,
    impossible: textArea > cardArea,
    tooLongForAuto: textArea > AUTO_SHARE * cardArea,
  };
}
