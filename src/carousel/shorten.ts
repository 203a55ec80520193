import { CJK_LETTER_OR_PUNCTUATION } from "../cjk.js";
import { splitSentences } from "../talk/sentences.js";
import { joinText } from "../talk/text.js";

/** Emoji take about 1 em, as CJK letters and their punctuation do; Latin letters about half. */
const EMOJI = /\p{Extended_Pictographic}/u;
const isWide = (char: string) => CJK_LETTER_OR_PUNCTUATION.test(char) || EMOJI.test(char);

/** The text's width in ems, roughly: enough to decide how much of it a slide can hold. */
export function emWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 1 : /\s/.test(char) ? 0.3 : 0.55;
  return width;
}

/** Where a sentence may be cut short: after a clause's punctuation. */
const CLAUSE_END = /[，、；：,;:]\s*/gu;

/** The longest start of `text` that ends at a clause break and fits `budget` ems, with an ellipsis. */
function cutAtClause(text: string, budget: number): string {
  let best = "";
  for (const match of text.matchAll(CLAUSE_END)) {
    const head = text.slice(0, match.index).trimEnd();
    if (emWidth(head) + 1 > budget) break;
    best = head;
  }
  if (best === "") {
    // No clause break early enough: cut at a character (a word, for spaced text).
    let width = 0;
    for (const char of text) {
      width += emWidth(char);
      if (width + 1 > budget) break;
      best += char;
    }
    if (/\s/.test(text)) best = best.replace(/\s+\S*$/u, "");
  }
  return `${best.replace(/[\p{P}\s]+$/u, "")}…`;
}

/** Joins sentences as the text had them: no space after CJK. */
function joinSentences(sentences: readonly string[]): string {
  return sentences.reduce(joinText, "");
}

/**
 * At most `maxSentences` whole sentences of `text` that fit `budget` ems
 * (always the first; cut at a clause with an ellipsis when it alone is longer).
 */
export function shortenAtSentences(text: string, budget: number, maxSentences = 3): string {
  if (text.trim() === "") return "";
  const sentences = splitSentences(text);
  const kept: string[] = [];
  for (const sentence of sentences.slice(0, maxSentences)) {
    if (emWidth(joinSentences([...kept, sentence])) > budget) break;
    kept.push(sentence);
  }
  if (kept.length > 0) return joinSentences(kept);
  const [first = ""] = sentences;
  return cutAtClause(first, budget);
}

/** The text as it is when it fits `budget` ems, else cut at a clause with an ellipsis. */
export function shortenText(text: string, budget: number): string {
  return emWidth(text) <= budget ? text : cutAtClause(text, budget);
}

/**
 * A title's short form and the rest: `Main: the rest` and `主标题：其余` split
 * at the first colon or dash, when the part before it is a title on its own.
 */
export function splitTitle(title: string): { main: string; rest: string | undefined } {
  const match = /\s*(?:[：:｜|]|\s[—–-]{1,2}\s)\s*/u.exec(title);
  if (match === null) return { main: title, rest: undefined };
  const main = title.slice(0, match.index).trim();
  const rest = title.slice(match.index + match[0].length).trim();
  if (emWidth(main) < 3 || rest === "") return { main: title, rest: undefined };
  return { main, rest };
}
