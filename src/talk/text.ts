/** Small text helpers that know about CJK: joining lines, splitting sentences, measuring. */

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u00b7]/u;

export function isCjk(char: string): boolean {
  return CJK_CHAR.test(char) || CJK_PUNCT.test(char);
}

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
    return isCjk(before) || isCjk(after) ? "" : " ";
  });
  return joined.replace(/[ \t\u00a0]{2,}/g, " ").trim();
}

const SENTENCE_END = /([。！？!?…]+[”’」』）)"]*|\.(?=\s|$)[”’"]?)/u;

/** Splits text into sentences, keeping each sentence's closing punctuation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let rest = text.trim();
  while (rest !== "") {
    const match = SENTENCE_END.exec(rest);
    if (match === null) {
      sentences.push(rest);
      break;
    }
    const end = match.index + match[0].length;
    const sentence = rest.slice(0, end).trim();
    if (sentence !== "") sentences.push(sentence);
    rest = rest.slice(end).trim();
  }
  return sentences;
}

/**
 * The length a reader feels: one per CJK character, one per Latin word.
 * A quote of 40 Chinese characters reads about as long as one of 40 words.
 */
export function readingLength(text: string): number {
  let units = 0;
  for (const char of text) if (CJK_CHAR.test(char)) units += 1;
  const latinWords = text.replace(new RegExp(CJK_CHAR.source, "gu"), " ").match(/[\p{L}\p{N}]+/gu);
  return units + (latinWords?.length ?? 0);
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
