/**
 * What the wording of a line says about it, each cue a number in [0, 1]:
 * English and Chinese lists side by side. `\b` never matches next to a Han
 * character, so the Chinese alternatives carry no word boundaries. The
 * patterns read the lower-cased text (case-insensitive Unicode patterns are
 * slow), except where case matters (names).
 */
import { HAN } from "../../cjk.js";
import { readingLength } from "../text.js";
import { wordsOf } from "./vectors.js";

/** A line as the cues read it, measured once. */
export interface Wording {
  text: string;
  lower: string;
  /** Chinese characters plus Latin words. */
  units: number;
  han: boolean;
}

export function wording(text: string): Wording {
  return { text, lower: text.toLowerCase(), units: readingLength(text), han: HAN.test(text) };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const has = (pattern: RegExp, text: string) => (pattern.test(text) ? 1 : 0);

/** Occurrences per ten reading units, capped at 1. */
function density(pattern: RegExp, line: Wording): number {
  return clamp((10 * (line.lower.match(pattern)?.length ?? 0)) / Math.max(10, line.units));
}

/** 1 inside [low, high], falling linearly to 0 at `floor` below; 0.5 at `max`, 0 at twice that. */
function plateau(units: number, floor: number, low: number, high: number, max: number): number {
  if (units < low) return clamp((units - floor) / (low - floor));
  if (units <= high) return 1;
  if (units <= max) return 1 - (0.5 * (units - high)) / (max - high);
  return clamp(0.5 - (0.5 * (units - max)) / max);
}

/** Peaks at 12–60 Chinese characters or 8–30 words; half at 90 or 45; nothing at twice that. */
export function lengthFit(line: Wording): number {
  return line.han ? plateau(line.units, 6, 12, 60, 90) : plateau(line.units, 4, 8, 30, 45);
}

/** Openings that answer or carry on: `所以`, `对，`, `Yeah,`, `And`. */
const CONNECTIVE =
  /^(?:但是?|可是|然而|而且|并且|所以|因此|因为|于是|然后|其实|另外|此外|甚至|同时|不过|总之|也就是说|换句话说|当然|而|对[，,]|是的|没错|嗯|(?:and|but|so|because|also|then|well|yeah|yes|no|right|sure|exactly|okay|oh|plus|however|though|anyway|or|of course|i mean)\b)/u;
export const opensWithConnective = (line: Wording) => has(CONNECTIVE, line.lower);

/** Openings that point back: `这`, `它`, `That`, `They`. */
const PRONOUN =
  /^(?:这|那|它|其|此|他们|她们|(?:this|that|it|these|those|they|which|he|she|such)\b)/u;
export const opensWithPronoun = (line: Wording) => has(PRONOUN, line.lower);

const FIRST_PERSON_CLAIM =
  /我们?[^，。,]{0,4}?(?:觉得|认为|相信|坚信|发现|判断|确信|的看法|的观点|一直|从来|始终|不认为|不觉得|学到)|\b(?:i|we)(?:'m| am| are|'re)? (?:\w+ )?(?:think|believe|feel|found|learned|learnt|know|guess|bet|suspect|argue|expect|convinced|never|always|care|want)\b/u;
const FIRST_PERSON_START = /^(?:我|我们|咱们|(?:i|we|i'm|we're|i've|we've|my|our)\b)/u;

/** `我认为…`, `I believe…`: 1; a line that merely starts with I or we: 0.5. */
export function firstPersonClaim(line: Wording): number {
  if (FIRST_PERSON_CLAIM.test(line.lower)) return 1;
  return FIRST_PERSON_START.test(line.lower) ? 0.5 : 0;
}

const STRONG_CONTRAST =
  /不是.{1,40}?(?:而是|更像|是)|而不是|而非|与其.{1,30}?不如|不在于.{1,30}?而在于|不再是|两码事|没有.{1,20}?就没有|只有.{1,30}?才|比.{1,20}?(?:更|要好|要强)|\b(?:more|less|better|worse)\b.{1,40}\bthan\b|\bthe difference between\b|\bbig difference\b|\brather than\b|\binstead\b|\bnot\b[^.;]{1,60}?\bbut\b|,\s*not\b|\bnot (?:that|because|about|who|what)\b/u;
const WEAK_CONTRAST = /但|却|然而|可是|不过|\b(?:but|however|although|though|yet)\b/u;

/** `不是…而是`, `rather than`, `not … but`: 1; a plain `但`, `but`: 0.5. */
export function contrast(line: Wording): number {
  if (STRONG_CONTRAST.test(line.lower)) return 1;
  return WEAK_CONTRAST.test(line.lower) ? 0.5 : 0;
}

/** Advice at the start, or after a subject: `一定要记住`, `你们不要`, `Don't`, `Stay`. */
const IMPERATIVE_START =
  /^(?:(?:所以|因此|其实|但是?|记住)[，,]?\s*)?(?:(?:你们?|我们|大家|咱们|每个人|年轻人|创业者|创始人)\s*)?(?:一定要|千万|务必|必须|应该|应当|要|别|不要|不能|永远不要|记住)|^(?:(?:so|and|but),?\s+)?(?:don't|do not|never|always|stop|start|keep|make|be|do|focus|remember|stay|think|learn|try|pick|ship|build|hire|watch|find|give|ask|avoid|trust|accept|embrace|choose|quit|treat|write|read|listen|spend|aim|let's)\b/u;
const PRESCRIPTIVE =
  /应该|应当|必须|需要|一定要|不要|别再|\b(?:should|shouldn't|must|mustn't|ought to|have to|need to|needs to)\b/u;

/** Advice at the start: 1; `should`, `应该` anywhere: 0.5. */
export function imperative(line: Wording): number {
  if (IMPERATIVE_START.test(line.lower)) return 1;
  return PRESCRIPTIVE.test(line.lower) ? 0.5 : 0;
}

const NAME = /(?<=[\p{L}\p{N},;:] )[A-Z]\p{Ll}[\p{L}'’-]*/gu;
const NUMBER = /\d+(?:[.,]\d+)*%?/gu;

/** Numbers and capitalised names inside the line: three or more make it particular. */
export function specifics(line: Wording): number {
  const names = [...line.text.matchAll(NAME)].filter(([word]) => !/^I(?:'|’|$)/u.test(word));
  return clamp((names.length + (line.text.match(NUMBER)?.length ?? 0)) / 3);
}

const FIRST_PERSON_SINGULAR = /我(?!们)|\b(?:i|i'm|i've|i'd|my|me)\b/u;

/** Short, and about people or things in general: no `I`, no numbers, no names. */
export function aphorism(line: Wording): number {
  const short = line.han ? line.units <= 30 : line.units <= 16;
  return short && !FIRST_PERSON_SINGULAR.test(line.lower) && specifics(line) === 0 ? 1 : 0;
}

const MORE_AND_MORE = /越.{1,12}?越|\bthe more\b.{1,60}\bthe (?:more|less)\b/u;

/** A word said twice (`stay young, stay curious`, `冠军和亚军`…`冠军`) or `越…越…`. */
export function parallel(line: Wording): number {
  if (MORE_AND_MORE.test(line.lower)) return 1;
  const words = wordsOf(line.text);
  return new Set(words).size < words.length ? 1 : 0;
}

/** Words that announce the point: `关键是`, `本质上`, `the most important`. */
const KEY_CLAIM =
  /关键|本质|核心|最重要|真正的|唯一|永远|根本|一定是|意味着|决定了|\b(?:the key|the most important|the real|the only|fundamental(?:ly)?|always|never|everything|nothing|the whole point|the point is|the truth is|what matters|essentially|the best|the hardest|the problem)\b/u;
export const keyClaim = (line: Wording) => has(KEY_CLAIM, line.lower);

/** Says what something is: `A snob is anybody who…`, `大模型不是操作系统`, `AI 代表着…`. */
const DEFINITION =
  /^(?!(?:我|你|他|她|它|这|那|咱))[^，。,？！]{2,14}?(?:就是|不是|都是|代表着|意味着|等于|是)(?:一个|一种|一件|一类)?|^(?:the |a |an )?(?!(?:i|we|you|he|she|it|they|this|that|there|what|which)\b)(?:[a-z-]+ ){1,4}(?:is|are|isn't|aren't|means) (?:a|an|the|not|what|anybody|anyone|about|never|always|my|our)\b/u;
export const definition = (line: Wording) => has(DEFINITION, line.lower);

/** Claims about all or most of something: `每家公司`, `往往`, `everyone`. */
const GENERAL =
  /每[个家一位]|所有|任何|往往|总是|永远|一切|大多数|几乎|没有人|谁都|凡是|从来|\b(?:every|everyone|everybody|all of us|any|always|never|nobody|no one|most people|usually|often)\b/u;
export const general = (line: Wording) => has(GENERAL, line.lower);

/** A figure of speech: `就像`, `更像一个`, `is like`, `as if`. */
const COMPARISON =
  /像|好比|如同|仿佛|相当于|\b(?:like a|like an|is like|as if|a kind of|is more like|the equivalent of)\b/u;
export const comparison = (line: Wording) => has(COMPARISON, line.lower);

/** A rule with its condition: `如果…就`, `只有…才`, `by the time…`. */
const CONDITIONAL =
  /如果|只有|当你|一旦|要是|假如|无论|不管|除非|\b(?:if|unless|when you|whenever|by the time|once you|the more)\b/u;
export const conditional = (line: Wording) => has(CONDITIONAL, line.lower);

/** Softened: `可能`, `也许`, `maybe`, `I guess`. */
const HEDGE =
  /可能|也许|大概|或许|不一定|\b(?:maybe|perhaps|probably|might|i guess|i suppose|sort of|kind of)\b/u;
export const hedged = (line: Wording) => has(HEDGE, line.lower);

/** A step of an enumeration: `首先`, `第二个`, `接下来`, `First,`. */
const LIST_STEP =
  /^(?:首先|其次|再次|最后|第[一二三四五六七八九十\d]+|接下来|一是|二是|三是|(?:first|second|third|next|finally|lastly)\b)/u;
export const listStep = (line: Wording) => has(LIST_STEP, line.lower);

/** An illustration, not the point it illustrates. */
const EXAMPLE =
  /比如|例如|举个例子|举例|譬如|打个比方|\b(?:for example|for instance|e\.g\.|such as)\b/u;
export const example = (line: Wording) => has(EXAMPLE, line.lower);

/** The padding of speech: `you know`, `I mean`, `就是说`, `对吧`. */
const FILLER =
  /就是说|然后|对吧|对对|反正|之类|那个|嗯|呃|啊|吧|嘛|\b(?:yeah|you know|i mean|like|kind of|sort of|basically|actually|okay|ok|i guess|stuff|whatever|right)\b/gu;
export const filler = (line: Wording) => density(FILLER, line);

/** Words that point at what surrounds the line: `this`, `here`, `刚才`, `这个`. */
const DEICTIC =
  /这个|那个|这些|那些|这样|那样|这里|那里|刚才|上面|前面|它|\b(?:this|that|these|those|it|they|them|here|there|he|she|him|her)\b/gu;
export const deictic = (line: Wording) => density(DEICTIC, line);

/** A story rather than a view: past tense, `当时`, `back then`. */
const STORY =
  /了|过|当时|那时|后来|去年|那年|以前|曾经|小时候|那天|\b(?:was|were|had|did|went|told|got|came|started|remember|back then|years ago|last year|yesterday|\w+ed)\b/gu;
export const story = (line: Wording) => density(STORY, line);

/** Trailing off: `…`, a dash, a colon, or no closing punctuation at all. */
const UNFINISHED = /[…—–:：-]$|\.\.\.$|[^\p{P}\p{S}]$/u;
export const unfinished = (line: Wording) => has(UNFINISHED, line.text);

/** Words put in someone else's mouth: `he once told me`, `有句话说`, `as X put it`. */
const REPORTED =
  /说过|曾说|曾经说|所说|说道|告诉我|告诉过我|写道|名言|常说|引用|有句话|有一句话|讲过|\b(?:said|says|told (?:me|us|him|her)|put it|wrote|writes|according to|quote|quoting|famously|used to say|likes to say)\b/u;
export const reports = (line: Wording) => has(REPORTED, line.lower);

const FIRST_PERSON = /我|\b(?:i|we|my|our|me|us)\b/u;
const THIRD_PERSON = /[他她](?!们)|\b(?:he|she|his|her)\b/u;

/** Parts of a name long enough to be told apart: `Roger Federer（罗杰·费德勒）` → Roger, Federer, 罗杰, 费德勒. */
function nameParts(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s·・•()（）,，&]+/u)
    .filter((part) => (HAN.test(part) ? part.length >= 2 : part.length >= 3));
}

/** A note-taker writing about the speaker (`他回忆…`, `DHH argues`), not the speaker talking. */
export function narration(line: Wording, speaker: string): number {
  if (FIRST_PERSON.test(line.lower)) return 0;
  if (THIRD_PERSON.test(line.lower)) return 1;
  return nameParts(speaker).some((part) => line.lower.includes(part)) ? 1 : 0;
}

export const isQuestion = (line: Wording) => has(/[？?]/u, line.text);
