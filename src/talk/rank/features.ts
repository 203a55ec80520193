/**
 * The features of a quote candidate: what an editor would name when picking a
 * line for a card. Each is a number in [0, 1]; the weights are fitted
 * (weights.json, `npm run fit`), not set here.
 */
import type { RankContext } from "./context.js";
import * as cue from "./cues.js";
import { maxCosine, tfidf, wordsOf } from "./vectors.js";

/** A candidate line, before it is scored. */
export interface Candidate {
  text: string;
  speaker: string;
  /** Index of the turn. */
  turn: number;
  line: number;
  /**
   * How it was found: a whole sentence, a bold span, a phrase in quotation
   * marks, two sentences, or a sentence without its lead-in (`我想说的是，`).
   */
  kind: "sentence" | "bold" | "quoted" | "joined" | "trimmed";
  /** Share of the text that is bold in the write-up. */
  bold: number;
  /** Index of the paragraph in the talk, counted over all turns. */
  paragraph: number;
  /** Index of its (first) sentence in the talk, counted over all turns. */
  order: number;
  /** The sentence the candidate was taken from (the text itself for a sentence). */
  sentence: string;
  /** Ends its paragraph: the punchline. */
  closes: boolean;
}

/** The feature names, in the order of the weights, with the words `why` uses for them. */
export const FEATURES = {
  bold: "bold in the transcript",
  length: "length fits a card",
  connective: "opens with a connective",
  pronoun: "opens with a pronoun",
  firstPerson: "first-person claim",
  contrast: "contrast",
  imperative: "advice or imperative",
  aphorism: "short and general",
  parallel: "parallel wording",
  keyClaim: "a key-point marker",
  general: "a general claim",
  definition: "says what something is",
  comparison: "a comparison",
  hedge: "hedged",
  listStep: "a step in a list",
  filler: "spoken filler",
  deictic: "points at the context",
  summary: "close to the title or a summary point",
  highlighted: "close to a heading or the lead",
  central: "central to the talk",
  mainSpeaker: "the main speaker",
  repeated: "said again elsewhere",
  position: "late in the talk",
  opensTurn: "opens an answer",
  closesParagraph: "ends a paragraph",
  ownParagraph: "a paragraph of its own",
  conditional: "if…then, only…",
  story: "tells a story",
  example: "an example",
  question: "a question",
  reported: "quotes someone else",
  quoted: "in quotation marks",
  narration: "narration about the speaker",
  specifics: "names and numbers",
  otherLanguage: "not in the talk's language",
  joined: "two sentences",
  trimmed: "lead-in left out",
  unfinished: "unfinished",
} as const;

export type FeatureName = keyof typeof FEATURES;
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** Whether the candidate is in the other script: an English line in a Chinese write-up. */
function otherLanguage(line: cue.Wording, lang: string): number {
  return line.han === (lang === "zh" || lang === "ja") ? 0 : 1;
}

/** A word used in more sentences than this is the talk's topic, not a sign of a line said again. */
const KEY_WORD_LIMIT = 50;

/** Share of the candidate's key words that one other sentence of the talk (or a point) repeats. */
function repeated(candidate: Candidate, context: RankContext): number {
  const words = [...new Set(wordsOf(candidate.text))].filter(
    (word) => (context.sentencesWith.get(word)?.length ?? 0) <= KEY_WORD_LIMIT,
  );
  if (words.length < 3) return 0;
  const shared = new Map<number, number>();
  let best = 0;
  for (const word of words) {
    for (const other of context.sentencesWith.get(word) ?? []) {
      if (context.sentences[other]?.paragraph === candidate.paragraph) continue;
      const count = (shared.get(other) ?? 0) + 1;
      shared.set(other, count);
      best = Math.max(best, count);
    }
  }
  return clamp((best / words.length - 0.5) / 0.5);
}

/**
 * How surely a cosine says "the same line in other words": nothing below
 * 0.3 (sentences of one talk share words anyway), all from 0.7.
 */
function restates(similarity: number): number {
  return clamp((similarity - 0.3) / 0.4);
}

/** Every feature of a candidate, in FEATURE_NAMES order. */
export function featuresOf(
  candidate: Candidate,
  context: RankContext,
): Record<FeatureName, number> {
  const line = cue.wording(candidate.text);
  const sentence = candidate.sentence === candidate.text ? line : cue.wording(candidate.sentence);
  const vector = tfidf(wordsOf(candidate.text), context.idf);
  const { kind } = candidate;
  return {
    bold: clamp(candidate.bold),
    length: cue.lengthFit(line),
    connective: cue.opensWithConnective(line),
    pronoun: cue.opensWithPronoun(line),
    firstPerson: cue.firstPersonClaim(line),
    contrast: cue.contrast(line),
    imperative: cue.imperative(line),
    aphorism: cue.aphorism(line),
    parallel: cue.parallel(line),
    keyClaim: cue.keyClaim(line),
    general: cue.general(line),
    definition: cue.definition(line),
    comparison: cue.comparison(line),
    conditional: cue.conditional(line),
    hedge: cue.hedged(line),
    listStep: cue.listStep(line),
    example: cue.example(line),
    story: cue.story(line),
    filler: cue.filler(line),
    deictic: cue.deictic(line),
    summary: restates(maxCosine(vector, context.summary)),
    highlighted: restates(maxCosine(vector, context.highlights)),
    central: maxCosine(vector, context.centroid),
    mainSpeaker: context.speakerShare.get(candidate.speaker) ?? 0,
    repeated: repeated(candidate, context),
    position: context.sentenceCount <= 1 ? 0 : candidate.order / (context.sentenceCount - 1),
    opensTurn: kind === "sentence" && context.turnStarts.has(candidate.order) ? 1 : 0,
    closesParagraph: candidate.closes ? 1 : 0,
    ownParagraph: context.paragraphSizes.get(candidate.paragraph) === 1 ? 1 : 0,
    question: cue.isQuestion(line),
    // Reported speech in the speaker's own words; in a note-taker's narration, quotes are the speaker's.
    reported:
      cue.reports(sentence) === 1 && cue.narration(sentence, candidate.speaker) === 0 ? 1 : 0,
    quoted: kind === "quoted" ? 1 : 0,
    narration: cue.narration(line, candidate.speaker),
    specifics: cue.specifics(line),
    otherLanguage: otherLanguage(line, context.lang),
    joined: kind === "joined" ? 1 : 0,
    trimmed: kind === "trimmed" ? 1 : 0,
    unfinished: kind !== "quoted" && kind !== "bold" ? cue.unfinished(line) : 0,
  };
}
