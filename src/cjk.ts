/**
 * What counts as CJK, in each of the senses the code uses. They differ on
 * purpose: which scripts a rule is about (Han only; Han and kana, which are
 * written without spaces; with Hangul, which is spaced) and whether CJK
 * punctuation and full-width forms count. Merging two would move line breaks,
 * width estimates or the quotes chosen, so each sense has its own name.
 * Patterns that need an anchor or a count are built from these (`.source`).
 */

/** A Han character (hanzi, kanji, hanja): the text is (mostly) Chinese. */
export const HAN = /\p{Script=Han}/u;

/** Han or kana: the scripts written without spaces between words (Chinese, Japanese). */
export const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Han, kana or Hangul: a CJK letter, one reading unit each. */
export const CJK_LETTER =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The CJK Symbols and Punctuation block (`、。「」`, the ideographic space) and
 * the whole Halfwidth and Fullwidth Forms block (`，！（`, and its halfwidth
 * katakana and Hangul too).
 */
export const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;

/** Han, kana or CJK punctuation (Hangul left out: Korean is spaced): no space goes after one. */
export const HAN_KANA_OR_CJK_PUNCTUATION =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A CJK letter or CJK punctuation (the whole forms block, halfwidth ones
 * included): about 1 em wide, as the deck's and the carousel's rough width
 * estimates count it.
 */
export const CJK_LETTER_OR_PUNCTUATION =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A CJK letter, CJK symbol or a full-width form proper (U+FF01–FF60, not the
 * halfwidth forms after them): one em wide in Noto Sans SC, measured, which a
 * card's lower bound of a text's width relies on.
 */
export const CJK_FULL_WIDTH =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;

/**
 * Punctuation of Chinese text: CJK punctuation, and outside those blocks the
 * curly quotes (U+2018–201F), `…` and the middle dot of names (`萨姆·奥特曼`).
 */
const CJK_TEXT_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u00b7]/u;

/** A CJK letter or punctuation of Chinese text: a soft line break next to one is no space. */
export function isCjkLetterOrPunctuation(char: string): boolean {
  return CJK_LETTER.test(char) || CJK_TEXT_PUNCTUATION.test(char);
}

/**
 * A UTF-16 code unit of a CJK letter, by block: Han (with the high surrogates
 * of the extension planes), kana and Hangul. Close to `CJK_LETTER` but per code
 * unit and without a regex, for counting characters in one pass over long text.
 */
export function isCjkLetterCodeUnit(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0xd840 && code <= 0xd8bf)
  );
}
