/**
 * The corpus's cases as corpus.json gives them, and what the evaluation makes
 * of each case and of them all. corpus.ts, which does the evaluation, exports
 * them too.
 */

/** One reference quote of a corpus case: the speaker's full name, and the label the text uses if different. */
export interface ReferenceQuote {
  speaker: string;
  text: string;
  label?: string;
}

/** The fields of a corpus.json case that the evaluation reads. */
export interface CorpusCase {
  file: string;
  lang: string;
  title: string | null;
  speakers: string[];
  summaryPoints: number;
  quotes: ReferenceQuote[];
}

/** Where one reference quote landed in talkdeck's ranking (1-based), if anywhere. */
export interface QuoteResult {
  text: string;
  speaker: string;
  /** Rank of the first candidate that matches text and speaker. */
  rank: number | null;
  /** Rank of the first candidate that matches the text, whoever talkdeck says spoke it. */
  textRank: number | null;
  /** Who talkdeck says spoke that candidate. */
  textSpeaker: string | null;
}

export interface CaseResult {
  file: string;
  lang: string;
  /** The error message when talkdeck refused the file. */
  refused: string | null;
  candidates: number;
  title: { expected: string; got: string | null; right: boolean };
  speakers: { expected: string[]; got: string[]; right: boolean };
  points: { expected: number; got: number; right: boolean };
  quotes: QuoteResult[];
  /** Median parse time over the runs, in milliseconds (read, front matter, parse). */
  ms: number;
}

export interface CorpusTotals {
  cases: number;
  refused: number;
  noCandidate: number;
  titleRight: number;
  speakersRight: number;
  pointsRight: number;
  references: number;
  top6: number;
  top10: number;
  anywhere: number;
  /** Reference quotes whose text was found at all. */
  textFound: number;
  /** Of those, found with the right speaker. */
  rightSpeaker: number;
  maxMs: number;
}
