/**
 * An extractive summary for a talk whose write-up has none: the talk cut into a
 * handful of topics (its own sections, or where the vocabulary shifts), each
 * headed by its most central sentence with one or two more as the body.
 */

import { cosine, cutAtTopicShifts, norm, type Vector } from "./cohesion.js";
import type { Point } from "./model.js";
import { splitSentences } from "./sentences.js";
import { contentWords, measure } from "./words.js";

/** A paragraph of what was said; `speaker` is absent where the text names none. */
export interface SpeechParagraph {
  text: string;
  line: number;
  speaker?: string;
}

/** A stretch of the talk, under its heading when it has one. */
export interface TopicSection {
  heading?: string;
  /** The heading's line, the point's line when the heading leads it. */
  line?: number;
  paragraphs: readonly SpeechParagraph[];
}

export interface DeriveOptions {
  /** How many topics to cut an unsectioned talk into; by default one per ~5 minutes of talk, 3 to 7. */
  points?: number;
  /** The most points: more sections are merged with their most similar neighbour. Default 7. */
  maxPoints?: number;
}

const MIN_POINTS = 3;
/** The most points a deck derives: more topics are merged. */
export const MAX_POINTS = 7;
const MINUTES_PER_POINT = 5;
/** Words per minute of speech: Chinese characters, and words of other scripts. */
const CJK_PER_MINUTE = 250;
const WORDS_PER_MINUTE = 150;

interface Sentence {
  text: string;
  line: number;
  speaker: string;
  /** Index of its paragraph in the whole talk. */
  paragraph: number;
  words: string[];
  vector: Vector;
  norm: number;
  /** Chinese characters in it. */
  han: number;
  cjk: boolean;
  length: number;
  /** Said by a main speaker. */
  main: boolean;
  /** May lead or fill a point: a statement, not a question, a lead-in, a plug or a left-over label. */
  statement: boolean;
  /** Below 1 for a sentence that does not stand on its own: `And so…`, `…trailing off`. */
  standalone: number;
}

interface Topic {
  headings: Array<{ text: string; line: number }>;
  sentences: Sentence[];
}

const QUESTION = /[？?][”’」』）)"'\s]*$/u;
/** `Two things:`, `第一，`: a sentence that opens a list, not a statement. */
const LEAD_IN = /[:：,，;；—–-]$/u;
/** Sponsor reads, web addresses, calls to subscribe: a plug is never a point. */
const PLUG =
  /https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|io|ai|co|dev|fm|cn)\b|brought to you by|sponsored by|our sponsor|promo code|% off|subscribe (?:to|on)|赞助|广告|扫码|关注我们/iu;
/** A label or time stamp left in the text: `《晚点》：…`, `Jane Doe: …`, `(01:12:28):`. */
const LEFT_OVER =
  /^[^\s，。：:,.!?！？]{1,12}[：:]|^(?:\p{Lu}[\p{L}'’.-]*\s){0,2}\p{Lu}[\p{L}'’.-]*:\s|\(?\d{1,2}:\d{2}(?::\d{2})?\)?:/u;
/** Openings that lean on the sentence before: `And…`, `So…`, `所以…`, `但是…`. */
const LEANING =
  /^(?:and|but|so|or|because|yeah|yes|well|um|uh|right|okay|ok|oh|like|then|also|now|nevertheless|really|again|anyway|plus|actually|number (?:one|two|three|four|five)|you know|i mean)\b|^(?:所以|但是|然后|而且|因为|对[，,]|嗯|啊|就是|那么|不过|还有|然而|另外|其次|最后|但|并且|于是|同时)/iu;
/** Thanks, welcomes and goodbyes: what every talk says, never a point. */
const COURTESY =
  /^(?:thank you|thanks|welcome|good (?:morning|afternoon|evening)|hi|hello)\b|thanks for having me|great to be here|this was (?:so |really )?(?:fun|great)|^(?:谢谢|感谢|欢迎|大家好)/iu;
/** Begun mid-thought (lower case, `...`), trailed off, or a list item: `(4) 图文级别的…`. */
const PARTIAL_START = /^(?:\.\.\.|…|[a-z]|[(（]?\d{1,2}[)）.、])/u;
const TRAILING_OFF = /(?:\.\.\.|…+|——)[”’"」』）)]*$/u;
const FULL_STOP = /[。！!.…][”’"」』）)]*$/u;

/** How well a sentence stands on its own, 1 at best. */
function standalone(text: string): number {
  let factor = 1;
  if (LEANING.test(text)) factor *= 0.7;
  if (PARTIAL_START.test(text)) factor *= 0.6;
  if (TRAILING_OFF.test(text) || !FULL_STOP.test(text)) factor *= 0.7;
  return factor;
}

/** Below 1 for a sentence too short to say much on a slide: under 10 words or 16 characters. */
function lengthFit(sentence: Sentence): number {
  const enough = sentence.cjk ? 16 : 10;
  return Math.min(1, sentence.length / enough);
}

/** Reading-length limits, in CJK characters or words. */
function limits(sentence: Sentence) {
  return sentence.cjk
    ? { min: 10, lead: 60, body: 80, bodyTotal: 100 }
    : { min: 6, lead: 30, body: 40, bodyTotal: 50 };
}

function minutesOf(sentences: readonly Sentence[]): number {
  let minutes = 0;
  for (const sentence of sentences)
    minutes += sentence.han / CJK_PER_MINUTE + (sentence.length - sentence.han) / WORDS_PER_MINUTE;
  return minutes;
}

/**
 * The speakers whose words make the points: not one whose turns are mostly
 * questions (a host), nor one who says little next to the others.
 */
export function mainSpeakers(paragraphs: readonly SpeechParagraph[]): Set<string> {
  const stats = new Map<string, { length: number; turns: number; asking: number }>();
  paragraphs.forEach((paragraph, index) => {
    const speaker = paragraph.speaker ?? "";
    const own = stats.get(speaker) ?? { length: 0, turns: 0, asking: 0 };
    const { cjk, words } = measure(paragraph.text);
    own.length += cjk + words;
    const next = paragraphs[index + 1];
    if (next === undefined || (next.speaker ?? "") !== speaker) {
      own.turns += 1;
      if (QUESTION.test(paragraph.text)) own.asking += 1;
    }
    stats.set(speaker, own);
  });
  const answering = [...stats].filter(
    ([, own]) => stats.size === 1 || own.turns < 2 || own.asking * 2 < own.turns,
  );
  const pool = answering.length > 0 ? answering : [...stats];
  const named = pool.filter(([name]) => name !== "");
  const most = Math.max(0, ...(named.length > 0 ? named : pool).map(([, own]) => own.length));
  return new Set(
    pool.filter(([name, own]) => name === "" || own.length * 5 >= most * 2).map(([name]) => name),
  );
}

function toSentences(sections: readonly TopicSection[]): Sentence[][] {
  let paragraphIndex = 0;
  const raw = sections.map((section) =>
    section.paragraphs.flatMap((paragraph) => {
      const index = paragraphIndex++;
      const plug = PLUG.test(paragraph.text);
      return splitSentences(paragraph.text).map((text) => ({ text, paragraph, index, plug }));
    }),
  );
  const main = mainSpeakers(sections.flatMap((section) => section.paragraphs));
  const words = raw.map((section) => section.map((sentence) => contentWords(sentence.text)));
  const frequency = new Map<string, number>();
  let count = 0;
  for (const section of words)
    for (const list of section) {
      count += 1;
      for (const word of new Set(list)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  const idf = new Map<string, number>();
  for (const [word, n] of frequency) idf.set(word, Math.log(1 + count / n));
  return raw.map((section, s) =>
    section.map(({ text, paragraph, index, plug }, i) => {
      const list = words[s]?.[i] ?? [];
      const tf = new Map<string, number>();
      for (const word of list) tf.set(word, (tf.get(word) ?? 0) + 1);
      const vector: Vector = new Map();
      for (const [word, n] of tf)
        vector.set(word, (n === 1 ? 1 : 1 + Math.log(n)) * (idf.get(word) ?? 1));
      const speaker = paragraph.speaker ?? "";
      const { cjk, words: others } = measure(text);
      return {
        text,
        line: paragraph.line,
        speaker,
        paragraph: index,
        words: list,
        vector,
        norm: norm(vector),
        han: cjk,
        cjk: cjk > others,
        length: cjk + others,
        main: main.has(speaker),
        statement:
          !plug &&
          !COURTESY.test(text) &&
          !QUESTION.test(text) &&
          !LEAD_IN.test(text) &&
          !LEFT_OVER.test(text) &&
          list.length >= 2,
        standalone: standalone(text),
      };
    }),
  );
}

function sumVectors(sentences: readonly Sentence[]): Vector {
  const sum: Vector = new Map();
  for (const sentence of sentences)
    for (const [word, weight] of sentence.vector) sum.set(word, (sum.get(word) ?? 0) + weight);
  return sum;
}

/** Each sentence's cosine with the rest of `sentences` (their sum less itself). */
function closeness(sentences: readonly Sentence[]): Map<Sentence, number> {
  const centroid = sumVectors(sentences);
  const centroidNorm2 = norm(centroid) ** 2;
  const scores = new Map<Sentence, number>();
  for (const sentence of sentences) {
    let dot = 0;
    for (const [word, weight] of sentence.vector) dot += weight * (centroid.get(word) ?? 0);
    const rest2 = centroidNorm2 - 2 * dot + sentence.norm ** 2;
    const restDot = dot - sentence.norm ** 2;
    const close =
      sentence.norm === 0 || rest2 <= 1e-9 ? 0 : restDot / (sentence.norm * Math.sqrt(rest2));
    scores.set(sentence, Math.max(close, 0));
  }
  return scores;
}

/**
 * How well a sentence stands for its topic: close to the rest of the topic,
 * whole, and long enough to say something.
 */
function centrality(topic: Topic): Map<Sentence, number> {
  const scores = closeness(topic.sentences);
  for (const [sentence, close] of scores)
    scores.set(sentence, close * sentence.standalone * lengthFit(sentence));
  return scores;
}

function best(sentences: readonly Sentence[], score: Map<Sentence, number>): Sentence | undefined {
  let top: Sentence | undefined;
  for (const sentence of sentences)
    if (top === undefined || (score.get(sentence) ?? 0) > (score.get(top) ?? 0)) top = sentence;
  return top;
}

/**
 * The most central statement of a main speaker that fits on a slide, else the
 * most central longer one; none where no main speaker states anything (an
 * intro, an outro, a sponsor read): that topic gives no point.
 */
function pickLead(topic: Topic, score: Map<Sentence, number>): Sentence | undefined {
  const statements = topic.sentences.filter((sentence) => sentence.statement);
  const pool = statements.filter((sentence) => sentence.main);
  const fitting = pool.filter((s) => s.length >= limits(s).min && s.length <= limits(s).lead);
  const long = pool.filter((s) => s.length >= limits(s).min);
  return best(fitting.length > 0 ? fitting : long.length > 0 ? long : pool, score);
}

/** One or two more central sentences, short, in the order they were said. */
function pickBody(topic: Topic, score: Map<Sentence, number>, lead?: Sentence): Sentence[] {
  const ranked = topic.sentences
    .filter(
      (s) =>
        s !== lead &&
        s.statement &&
        !PARTIAL_START.test(s.text) &&
        !TRAILING_OFF.test(s.text) &&
        s.main &&
        s.length >= limits(s).min &&
        s.length <= limits(s).body,
    )
    .sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
  const chosen: Sentence[] = [];
  let total = 0;
  for (const sentence of ranked) {
    if (chosen.length === 2) break;
    const budget = limits(sentence).bodyTotal;
    if (chosen.length > 0 && total + sentence.length > budget) continue;
    const twin = [lead, ...chosen].some(
      (other) =>
        other !== undefined &&
        (cosine(other.vector, other.norm, sentence.vector, sentence.norm) > 0.7 ||
          other.text.includes(sentence.text) ||
          sentence.text.includes(other.text)),
    );
    if (twin) continue;
    chosen.push(sentence);
    total += sentence.length;
  }
  return chosen.sort(
    (a, b) => a.paragraph - b.paragraph || topic.sentences.indexOf(a) - topic.sentences.indexOf(b),
  );
}

function joinSentences(sentences: readonly Sentence[]): string {
  return sentences
    .map((sentence, index) => {
      const previous = sentences[index - 1];
      return previous === undefined || (previous.cjk && sentence.cjk)
        ? sentence.text
        : ` ${sentence.text}`;
    })
    .join("");
}

/** The topic's point, numbered 0: `derivePoints` numbers the points it keeps. */
function toPoint(topic: Topic): Point | undefined {
  const n = 0;
  const score = centrality(topic);
  const heading = topic.headings.find((h) => !/[？?]/u.test(h.text));
  if (heading !== undefined) {
    return {
      n,
      lead: heading.text,
      body: joinSentences(pickBody(topic, score)),
      line: heading.line,
    };
  }
  const lead = pickLead(topic, score);
  if (lead === undefined) return undefined;
  return { n, lead: lead.text, body: joinSentences(pickBody(topic, score, lead)), line: lead.line };
}

/** Merges the most similar neighbouring topics until at most `max` remain. */
function mergeTopics(topics: readonly Topic[], max: number): Topic[] {
  const merged = topics.map((topic) => {
    const vector = sumVectors(topic.sentences);
    return { topic, vector, norm: norm(vector) };
  });
  while (merged.length > max) {
    let at = 0;
    let closest = -1;
    for (let index = 0; index + 1 < merged.length; index += 1) {
      const [a, b] = [merged[index], merged[index + 1]];
      const similarity = a && b ? cosine(a.vector, a.norm, b.vector, b.norm) : 0;
      if (similarity > closest) [at, closest] = [index, similarity];
    }
    const [first, second] = [merged[at], merged[at + 1]];
    if (first === undefined || second === undefined) break;
    const sentences = [...first.topic.sentences, ...second.topic.sentences];
    const vector = sumVectors(sentences);
    const whole = norm(vector);
    const closer = (part: typeof first) => cosine(part.vector, part.norm, vector, whole);
    const headings = [first, second]
      .sort((x, y) => closer(y) - closer(x))
      .flatMap((part) => part.topic.headings);
    merged.splice(at, 2, { topic: { headings, sentences }, vector, norm: whole });
  }
  return merged.map((entry) => entry.topic);
}

/**
 * Points derived from the talk. Several sections (headed or not) are the topics,
 * merged down to `maxPoints`; a single unheaded section is cut where the
 * vocabulary shifts, into about one topic per five minutes of talk. A section
 * whose heading is a statement keeps the heading as its lead; otherwise the lead
 * is the topic's most central sentence that fits a slide. Leads and bodies are
 * whole sentences of the talk, never questions, preferring the main speakers'.
 * A talk under a minute long, with no headings, gives no points.
 */
export function derivePoints(
  sections: readonly TopicSection[],
  options: DeriveOptions = {},
): Point[] {
  const max = Math.max(1, options.maxPoints ?? MAX_POINTS);
  const sentences = toSentences(sections);
  let topics: Topic[];
  const [only] = sections;
  if (sections.length === 1 && only !== undefined && only.heading === undefined) {
    const all = sentences[0] ?? [];
    const minutes = minutesOf(all);
    if (minutes < 1 || all.length < 6) return [];
    const paragraphs = new Set(all.map((sentence) => sentence.paragraph)).size;
    const wanted =
      options.points ??
      Math.min(MAX_POINTS, Math.max(MIN_POINTS, Math.round(minutes / MINUTES_PER_POINT)));
    const k = Math.max(1, Math.min(wanted, max, paragraphs));
    topics = cutAtTopicShifts(all, k).map((part) => ({ headings: [], sentences: part }));
  } else {
    topics = sections.map((section, index) => ({
      headings:
        section.heading === undefined
          ? []
          : [{ text: section.heading, line: section.line ?? section.paragraphs[0]?.line ?? 0 }],
      sentences: sentences[index] ?? [],
    }));
    topics = mergeTopics(topics, max);
  }
  return topics
    .flatMap((topic) => toPoint(topic) ?? [])
    .map((point, index) => ({ ...point, n: index + 1 }));
}
