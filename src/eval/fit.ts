/**
 * Fits the quote ranker's weights on the corpus. Each case's candidates are
 * scored by a linear model over standardised features; the loss is, for each
 * reference quote, minus the log of the softmax probability (over all the
 * case's candidates) of the candidates that match it, plus an L2 penalty.
 * Plain gradient descent: the loss is convex. Leave-one-case-out recall@10
 * (fit on the other cases, rank the one left out) estimates how the ranker
 * does on a write-up it has never seen; the penalty is chosen by it.
 */
import { join } from "node:path";
import { TalkdeckError } from "../errors.js";
import { FEATURE_NAMES } from "../talk/rank/features.js";
import {
  type FeatureWeight,
  orderByScore,
  type RankModel,
  unitWeight,
} from "../talk/rank/model.js";
import { type CorpusCase, loadCorpus, parseCase, referencesMatched } from "./corpus.js";

const BOLD = FEATURE_NAMES.indexOf("bold");

export interface FitCandidate {
  text: string;
  line: number;
  /** Raw feature values, in FEATURE_NAMES order. */
  x: number[];
  /** Indexes of the case's references this candidate matches (text and speaker). */
  matches: number[];
}

export interface FitCase {
  file: string;
  references: number;
  candidates: FitCandidate[];
}

/** Parses every case and records its candidates' features and the references they match. */
export async function collectCases(dir: string): Promise<FitCase[]> {
  const cases: FitCase[] = [];
  for (const entry of await loadCorpus(dir)) cases.push(await collectCase(dir, entry));
  return cases;
}

async function collectCase(dir: string, entry: CorpusCase): Promise<FitCase> {
  const base = { file: entry.file, references: entry.quotes.length };
  try {
    const { talk } = await parseCase(join(dir, entry.file));
    const matched = referencesMatched(entry, talk);
    return {
      ...base,
      candidates: talk.quotes.map((quote, index) => ({
        text: quote.text,
        line: quote.line,
        x: FEATURE_NAMES.map((name) => quote.features?.[name] ?? 0),
        matches: matched[index] ?? [],
      })),
    };
  } catch (error) {
    if (error instanceof TalkdeckError) return { ...base, candidates: [] };
    throw error;
  }
}

/** Mean and standard deviation of each feature over the cases' candidates. */
function standardisation(cases: readonly FitCase[]): { mean: number[]; scale: number[] } {
  const rows = cases.flatMap((entry) => entry.candidates.map((candidate) => candidate.x));
  const mean = FEATURE_NAMES.map(
    (_, j) => rows.reduce((sum, row) => sum + (row[j] ?? 0), 0) / Math.max(1, rows.length),
  );
  const scale = FEATURE_NAMES.map((_, j) => {
    const variance =
      rows.reduce((sum, row) => sum + ((row[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) /
      Math.max(1, rows.length);
    return Math.sqrt(variance);
  });
  return { mean, scale };
}

export interface FitOptions {
  /** L2 penalty on the standardised weights. */
  lambda: number;
  iterations?: number;
  rate?: number;
}

/** One case's standardised features, row after row, and for each reference the rows that match it. */
interface Prepared {
  rows: Float64Array;
  count: number;
  groups: number[][];
}

function prepare(entry: FitCase, mean: readonly number[], scale: readonly number[]): Prepared {
  const d = FEATURE_NAMES.length;
  const rows = new Float64Array(entry.candidates.length * d);
  entry.candidates.forEach((candidate, i) => {
    for (let j = 0; j < d; j += 1) {
      const spread = scale[j] ?? 0;
      rows[i * d + j] = spread > 0 ? ((candidate.x[j] ?? 0) - (mean[j] ?? 0)) / spread : 0;
    }
  });
  const references = [...new Set(entry.candidates.flatMap((candidate) => candidate.matches))];
  const groups = references.map((reference) =>
    entry.candidates.flatMap((candidate, index) =>
      candidate.matches.includes(reference) ? [index] : [],
    ),
  );
  return { rows, count: entry.candidates.length, groups };
}

/**
 * Adds the gradient of one case's loss (scaled by `share`) to `gradient`:
 * for each reference, d(loss)/d(score) is the candidate's softmax
 * probability, minus its share of the probability of the matching group.
 */
function addGradient(data: Prepared, w: Float64Array, share: number, gradient: Float64Array): void {
  const d = w.length;
  const { rows, count, groups } = data;
  const exp = new Float64Array(count);
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i += 1) {
    let score = 0;
    for (let j = 0; j < d; j += 1) score += (rows[i * d + j] ?? 0) * (w[j] ?? 0);
    exp[i] = score;
    if (score > top) top = score;
  }
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    exp[i] = Math.exp((exp[i] ?? 0) - top);
    total += exp[i] ?? 0;
  }
  const slope = new Float64Array(count);
  for (let i = 0; i < count; i += 1) slope[i] = (groups.length * (exp[i] ?? 0)) / total;
  for (const group of groups) {
    const inGroup = group.reduce((sum, i) => sum + (exp[i] ?? 0), 0);
    for (const i of group) slope[i] = (slope[i] ?? 0) - (exp[i] ?? 0) / inGroup;
  }
  for (let i = 0; i < count; i += 1) {
    const g = (slope[i] ?? 0) * share;
    if (Math.abs(g) < 1e-12) continue;
    for (let j = 0; j < d; j += 1) gradient[j] = (gradient[j] ?? 0) + g * (rows[i * d + j] ?? 0);
  }
}

/** A model fitted on `cases`: standardised features, softmax loss per reference, gradient descent. */
export function fitModel(cases: readonly FitCase[], options: FitOptions): RankModel {
  const { lambda, iterations = 400, rate = 0.5 } = options;
  const { mean, scale } = standardisation(cases);
  const data = cases
    .map((entry) => prepare(entry, mean, scale))
    .filter((entry) => entry.groups.length > 0);
  const references = data.reduce((sum, entry) => sum + entry.groups.length, 0);
  const w = new Float64Array(FEATURE_NAMES.length);
  for (let step = 0; step < iterations; step += 1) {
    const gradient = Float64Array.from(w, (weight) => lambda * weight);
    for (const entry of data) addGradient(entry, w, 1 / references, gradient);
    for (const [j, g] of gradient.entries()) w[j] = (w[j] ?? 0) - rate * g;
  }
  return {
    features: FEATURE_NAMES.map(
      (name, j): FeatureWeight => ({
        name,
        mean: mean[j] ?? 0,
        scale: scale[j] ?? 0,
        weight: w[j] ?? 0,
      }),
    ),
  };
}

/** References of one case found in the first `k` candidates, ranked by `model` as talkdeck ranks them. */
export function foundInTop(entry: FitCase, model: RankModel, k = 10): number {
  const weights = model.features.map(unitWeight);
  const scored = entry.candidates.map((candidate) => ({
    ...candidate,
    score: candidate.x.reduce((sum, value, j) => sum + value * (weights[j] ?? 0), 0),
  }));
  const found = new Set(
    orderByScore(scored, (candidate) => candidate.x[BOLD] ?? 0)
      .slice(0, k)
      .flatMap((candidate) => candidate.matches),
  );
  return found.size;
}

/** Fit on all cases but one, count what the left-out case finds in its top `k`; per case. */
export function leaveOneCaseOut(cases: readonly FitCase[], options: FitOptions, k = 10): number[] {
  return cases.map((entry, index) =>
    entry.candidates.length === 0
      ? 0
      : foundInTop(
          entry,
          fitModel(
            cases.filter((_, other) => other !== index),
            options,
          ),
          k,
        ),
  );
}

const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3, 1] as const;

export interface FitReport {
  model: RankModel;
  lambda: number;
  /** Leave-one-case-out recall@10 for each penalty tried. */
  grid: Array<{ lambda: number; found: number }>;
  /** Per case: found in the top 10 in-sample and when left out. */
  cases: Array<{ file: string; references: number; inSample: number; leftOut: number }>;
  references: number;
  candidates: number;
  positives: number;
}

/** Chooses the penalty with the best leave-one-case-out recall@10 (the larger on a tie), then fits on all. */
export function fitCorpus(
  cases: readonly FitCase[],
  lambdas: readonly number[] = LAMBDAS,
): FitReport {
  const grid = lambdas.map((lambda) => {
    const perCase = leaveOneCaseOut(cases, { lambda });
    return { lambda, found: perCase.reduce((sum, n) => sum + n, 0), perCase };
  });
  const best = grid.reduce((a, b) => (b.found >= a.found ? b : a));
  const model = fitModel(cases, { lambda: best.lambda });
  return {
    model,
    lambda: best.lambda,
    grid: grid.map(({ lambda, found }) => ({ lambda, found })),
    cases: cases.map((entry, index) => ({
      file: entry.file,
      references: entry.references,
      inSample: foundInTop(entry, model),
      leftOut: best.perCase[index] ?? 0,
    })),
    references: cases.reduce((sum, entry) => sum + entry.references, 0),
    candidates: cases.reduce((sum, entry) => sum + entry.candidates.length, 0),
    positives: cases.reduce(
      (sum, entry) =>
        sum + entry.candidates.filter((candidate) => candidate.matches.length > 0).length,
      0,
    ),
  };
}
