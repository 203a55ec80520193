/** Small text helpers that know about CJK: joining lines and pieces of text, measuring. */
import { CJK_LETTER, HAN_KANA_OR_CJK_PUNCTUATION, isCjkLetterOrPunctuation } from "../cjk.js";

/**
 * Joins the soft line breaks a web clipper leaves inside paragraphs: no space
 * where either side is CJK (`提前 60\n天` keeps its own space, `Y\nCombinator`
 * gets one), and collapses other runs of white space.
 */
export function joinLines(text: string): string {
  const joined = text.replace(/[ \t]*\r?\n[ \t]*/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + match.length] ?? "";
    if (before === "" || after === "") return "";
    if (/\s/.test(before) || /\s/.test(after)) return "";
    return isCjkLetterOrPunctuation(before) || isCjkLetterOrPunctuation(after) ? "" : " ";
  });
  return joined.replace(/[ \t\u00a0]{2,}/g, " ").trim();
}

/** Ends in Han, kana or CJK punctuation: no space follows it in running text. */
const ENDS_UNSPACED = new RegExp(`${HAN_KANA_OR_CJK_PUNCTUATION.source}$`, "u");

/**
 * Joins two pieces of text (sentences, clauses) as the language writes them:
 * no space after CJK, also when it ends in a closing quote (`……。”`), a space
 * after anything else (`yes.” Then`). Shared by the deck's bullets and the
 * carousel's shortened bodies.
 */
export function joinText(before: string, after: string): string {
  if (before === "") return after;
  const body = before.replace(/[”’"')\]]+$/u, "");
  return ENDS_UNSPACED.test(body) ? `${before}${after}` : `${before} ${after}`;
}

/**
 * The length a reader feels: one per CJK character, one per Latin word.
 * A quote of 40 Chinese characters reads about as long as one of 40 words.
 */
export function readingLength(text: string): number {
  let units = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.codePointAt(index) ?? 0;
    if (code > 0xffff) index += 1;
    const kind = charKind(code);
    if (kind === CJK_UNIT) units += 1;
    else if (kind === WORD_CHAR && !inWord) units += 1;
    inWord = kind === WORD_CHAR;
  }
  return units;
}

const CJK_UNIT = 0;
const WORD_CHAR = 1;
const OTHER = 2;
/** What each code point counts as, decided once per code point: `readingLength` runs on every sentence. */
const kinds = new Map<number, number>();

function charKind(code: number): number {
  if (code < 0x80) {
    const isWord =
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a);
    return isWord ? WORD_CHAR : OTHER;
  }
  let kind = kinds.get(code);
  if (kind === undefined) {
    const char = String.fromCodePoint(code);
    kind = CJK_LETTER.test(char) ? CJK_UNIT : /[\p{L}\p{N}]/u.test(char) ? WORD_CHAR : OTHER;
    kinds.set(code, kind);
  }
  return kind;
}

/** `zh` when Han characters outnumber Latin words, else `ja`/`ko` by script, else `en`. */
export function detectLang(text: string): string {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const latinWords = text.match(/[A-Za-z]+/g)?.length ?? 0;
  if (kana > 20 && kana * 4 > han) return "ja";
  if (hangul > latinWords && hangul > han) return "ko";
  if (han > latinWords) return "zh";
  return "en";
}

/** Normal form used for ids, matching and de-duplication. */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}
