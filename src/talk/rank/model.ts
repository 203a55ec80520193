/**
 * The quote ranker: a linear model over the features, its weights fitted on
 * the corpus by `npm run fit` (src/eval/fit.ts) and stored in weights.json.
 */
import { FEATURE_NAMES, FEATURES, type FeatureName } from "./features.js";
import weightsFile from "./weights.json" with { type: "json" };

export interface FeatureWeight {
  name: string;
  /** Mean and spread of the feature over the corpus's candidates: the standardisation. */
  mean: number;
  scale: number;
  /** Weight of the standardised feature. */
  weight: number;
}

export interface RankModel {
  features: FeatureWeight[];
}

const fittedModel: RankModel = weightsFile;

/** Contributions smaller than this are left out of `why`. */
const NEGLIGIBLE = 0.1;

/** A feature's weight per unit of the raw value: the standardised weight over the spread. */
export function unitWeight(feature: FeatureWeight): number {
  return feature.scale > 0 ? feature.weight / feature.scale : 0;
}

function unitWeights(model: RankModel): Map<string, number> {
  return new Map(model.features.map((feature) => [feature.name, unitWeight(feature)]));
}

const cached = new WeakMap<RankModel, ReturnType<typeof unitWeights>>();

/**
 * The score is the sum of each feature's contribution, its weight times its
 * value (the standardisation's constant is left out: it moves every score
 * alike), so a feature a line lacks adds nothing. `why` lists the
 * non-negligible contributions, largest first: `bold in the transcript +1.8`,
 * `a question −2.0`.
 */
export function scoreFeatures(
  values: Readonly<Record<FeatureName, number>>,
  model: RankModel = fittedModel,
): { score: number; why: string[] } {
  let weights = cached.get(model);
  if (weights === undefined) {
    weights = unitWeights(model);
    cached.set(model, weights);
  }
  const terms = FEATURE_NAMES.map((name) => ({
    name,
    value: (weights.get(name) ?? 0) * values[name],
  }));
  const score = terms.reduce((sum, term) => sum + term.value, 0);
  const why = terms
    .filter((term) => Math.abs(term.value) >= NEGLIGIBLE)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .map(
      (term) =>
        `${FEATURES[term.name]} ${term.value > 0 ? "+" : "−"}${Math.abs(term.value).toFixed(1)}`,
    );
  return { score, why };
}

/** How far down the list near-duplicates are kept apart. */
const DISTINCT_TOP = 50;

/** Same text for de-duplication: no white space, punctuation, `*` or case. */
export const compact = (text: string) => text.replace(/[\s\p{P}*]/gu, "").toLowerCase();

/** A line at least this bold is one the write-up itself marked as a key line. */
export const BOLD_LINE = 0.9;

/**
 * Best first. Lines the write-up set in bold come before the rest (an editor
 * who bolds key lines has already chosen them; on the corpus this costs one
 * or two reference quotes in the top 10, and it keeps the sample's bold
 * quotes first); the score orders each group. Among the first 50, a
 * candidate that holds or is held by a better one (a bold span and its
 * sentence, a sentence and the pair it opens) waits until after them, so the
 * top of the list offers distinct lines.
 */
export function orderByScore<T extends { text: string; score: number; line: number }>(
  items: readonly T[],
  bold: (item: T) => number = () => 0,
): T[] {
  const first = (item: T) => (bold(item) >= BOLD_LINE ? 1 : 0);
  const sorted = [...items].sort(
    (a, b) => first(b) - first(a) || b.score - a.score || a.line - b.line,
  );
  const kept: T[] = [];
  const keys: string[] = [];
  const later: T[] = [];
  for (const item of sorted) {
    if (kept.length >= DISTINCT_TOP) {
      kept.push(item);
      continue;
    }
    const key = compact(item.text);
    if (keys.some((other) => other.includes(key) || key.includes(other))) later.push(item);
    else {
      kept.push(item);
      keys.push(key);
    }
  }
  return [...kept, ...later];
}
