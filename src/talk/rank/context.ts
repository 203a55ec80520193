/** What the features compare a candidate with: the whole talk, its summary and title, its speakers. */

import { sentenceSpans } from "../sentences.js";
import { readingLength } from "../text.js";
import {
  addInto,
  indexVectors,
  inverseFrequencies,
  tfidf,
  type Vector,
  type VectorIndex,
  wordsOf,
} from "./vectors.js";

/** One sentence of the talk, every speaker's. */
export interface TalkSentence {
  text: string;
  speaker: string;
  turn: number;
  /** Index of the paragraph, counted over all turns. */
  paragraph: number;
  /** Where it sits in its paragraph's text. */
  start: number;
  end: number;
  /** First sentence of its turn. */
  opensTurn: boolean;
}

export interface RankContext {
  /** The talk's language: `zh` when Han characters outnumber Latin words. */
  lang: string;
  idf: Map<string, number>;
  /** The talk's TF-IDF vector: the sum of its sentences. */
  centroid: VectorIndex;
  /** The title and each summary point. */
  summary: VectorIndex;
  /** Each sentence of the headings, the lead and the other text outside the turns. */
  highlights: VectorIndex;
  /** The talk's sentences, then the points; `paragraph` is negative for a point. */
  sentences: Array<{ paragraph: number }>;
  /** Content word → indexes into `sentences`. */
  sentencesWith: Map<string, number[]>;
  sentenceCount: number;
  /** How many sentences each paragraph has. */
  paragraphSizes: Map<number, number>;
  /** Indexes of the sentences that open a turn. */
  turnStarts: Set<number>;
  /** Each speaker's words as a share of the most talkative speaker's. */
  speakerShare: Map<string, number>;
}

function languageOf(sentences: readonly TalkSentence[]): string {
  let han = 0;
  let latin = 0;
  for (const { text } of sentences) {
    han += text.match(/\p{Script=Han}/gu)?.length ?? 0;
    latin += text.match(/[A-Za-z]+/g)?.length ?? 0;
  }
  return han > latin ? "zh" : "en";
}

/** The other texts a candidate is compared with. */
export interface Surroundings {
  /** The title and the summary points, one text each. */
  summary: readonly string[];
  /** Headings, the lead, pull quotes: what the write-up puts forward outside the turns. */
  highlights: readonly string[];
}

export function rankContext(
  sentences: readonly TalkSentence[],
  { summary: summaryTexts, highlights }: Surroundings,
): RankContext {
  const words = sentences.map((sentence) => wordsOf(sentence.text));
  const pointWords = summaryTexts.map(wordsOf);
  const idf = inverseFrequencies(words);
  const centroid: Vector = new Map();
  for (const list of words) addInto(centroid, tfidf(list, idf));
  const summary = indexVectors(pointWords.map((list) => tfidf(list, idf)));
  const highlightSentences = highlights.flatMap((text) =>
    sentenceSpans(text).map((span) => span.text),
  );
  const highlighted = indexVectors(highlightSentences.map((text) => tfidf(wordsOf(text), idf)));

  const all = [
    ...sentences.map((sentence) => ({ paragraph: sentence.paragraph })),
    ...summaryTexts.map((_, index) => ({ paragraph: -1 - index })),
  ];
  const sentencesWith = new Map<string, number[]>();
  [...words, ...pointWords].forEach((list, index) => {
    for (const word of new Set(list)) {
      const at = sentencesWith.get(word);
      if (at === undefined) sentencesWith.set(word, [index]);
      else at.push(index);
    }
  });

  const spoken = new Map<string, number>();
  for (const { speaker, text } of sentences) {
    spoken.set(speaker, (spoken.get(speaker) ?? 0) + readingLength(text));
  }
  const most = Math.max(1, ...spoken.values());
  return {
    lang: languageOf(sentences),
    idf,
    centroid: indexVectors([centroid]),
    summary,
    highlights: highlighted,
    sentences: all,
    sentencesWith,
    paragraphSizes: sentences.reduce(
      (sizes, { paragraph }) => sizes.set(paragraph, (sizes.get(paragraph) ?? 0) + 1),
      new Map<number, number>(),
    ),
    sentenceCount: sentences.length,
    turnStarts: new Set(
      sentences.flatMap((sentence, index) => (sentence.opensTurn ? [index] : [])),
    ),
    speakerShare: new Map([...spoken].map(([speaker, count]) => [speaker, count / most])),
  };
}
