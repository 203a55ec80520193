/**
 * Content words of a sentence, for comparing sentences and stretches of talk:
 * CJK runs cut into words by `Intl.Segmenter`, Latin words lower-cased with
 * plurals folded; stop words, single letters and bare numbers dropped.
 */
import { CJK_LETTER, isCjkLetterCodeUnit } from "../cjk.js";

/** English function words and the filler of spoken transcripts. */
const ENGLISH_STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can can't cannot could couldn't did didn't do does
  doesn't doing don't down during each even ever every few for from further get gets getting
  got gonna had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
  herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  just kind know let let's like lot lots make made many may maybe me mean might more most much
  must mustn't my myself need no nor not now of off oh ok okay on once one only or other ought
  our ours ourselves out over own pretty probably quite rather really right said same say says
  see shall she she'd she'll she's should shouldn't so some something sort still such sure take
  than that that's the their theirs them themselves then there there's these they they'd they'll
  they're they've thing things think this those though through to too uh um under until up upon
  us very want wanna was wasn't way we we'd we'll we're we've well were weren't what what's when
  when's where where's whether which while who who's whom why why's will with won't would
  wouldn't yeah yes yet you you'd you'll you're you've your yours yourself yourselves going
  actually anything everything get go goes gone thats dont im ive youre theyre`.split(/\s+/),
);

/** Chinese function words and fillers (single characters are dropped anyway). */
const CHINESE_STOP = new Set(
  `我们 你们 他们 她们 它们 咱们 大家 自己 这个 那个 这些 那些 这样 那样 这种 那种 这么 那么 这里 那里
  这儿 那儿 就是 还是 但是 可是 所以 因为 因此 如果 假如 然后 而且 并且 或者 以及 虽然 不过 只是 于是
  可以 可能 能够 应该 需要 一个 一些 一点 一样 一下 一直 一定 什么 怎么 怎样 为什么 哪些 没有 不是
  就像 其实 觉得 认为 知道 东西 时候 的话 非常 特别 已经 还有 通过 对于 关于 之后 之前 以后 以前 里面
  当中 其中 今天 现在 比如 例如 包括 所有 很多 很大 这是 那是 也是 都是 我觉得 我想 我说 你说 他说
  会有 有没有 是不是 或许 当然 确实 真的 比较 然而 甚至 尤其 同时 另外 另一方面 首先 其次 最后 事情
  方面 部分 问题 情况 还要 不会 不能 不要 一种 这次 那次 出来 起来 下来 进去 过去 来说 来讲 而言`.split(
    /\s+/,
  ),
);

/** A run of CJK letters, else a word of any other letters and digits (`don't`, `GPT4`). */
const RUN = new RegExp(`${CJK_LETTER.source}+|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*`, "gu");
/** A run that starts with a CJK letter (a Latin run may go on into Han: `abc中文` is one). */
const CJK_RUN = new RegExp(`^${CJK_LETTER.source}`, "u");

let segmenter: Intl.Segmenter | undefined;

/** `models` → `model`, `companies` → `company`; `business`, `status` and `this` stay. */
function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function latinWord(raw: string): string | undefined {
  const word = raw.toLowerCase().replace(/’/g, "'");
  if (word.length < 2 || /^\d+$/.test(word) || ENGLISH_STOP.has(word)) return undefined;
  const base = word.replace(/'s$/, "");
  if (ENGLISH_STOP.has(base)) return undefined;
  return foldPlural(base);
}

/** The content words of a text, in order, repeats kept. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const [run] of text.matchAll(RUN)) {
    if (!CJK_RUN.test(run)) {
      const word = latinWord(run);
      if (word !== undefined) words.push(word);
      continue;
    }
    if (run.length < 2) continue;
    segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
    for (const { segment, isWordLike } of segmenter.segment(run)) {
      if (isWordLike === true && segment.length >= 2 && !CHINESE_STOP.has(segment))
        words.push(segment);
    }
  }
  return words;
}

const LETTER = /[\p{L}\p{N}]/u;

function isWordUnit(code: number, char: string): boolean {
  if (code < 0x80)
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    );
  return code < 0xd800 || code > 0xdfff ? LETTER.test(char) : false;
}

/** CJK characters and other words in a text, in one pass: their sum is the reading length. */
export function measure(text: string): { cjk: number; words: number } {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isCjkLetterCodeUnit(code)) {
      cjk += 1;
      inWord = false;
    } else if (isWordUnit(code, text[index] ?? "")) {
      if (!inWord) words += 1;
      inWord = true;
    } else inWord = false;
  }
  return { cjk, words };
}
