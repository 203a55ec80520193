/**
 * Lexical cohesion (TextTiling, Hearst 1997): compare the words of the stretch
 * of talk before each paragraph break with the stretch after it; where the
 * similarity falls into its deepest valleys, the talk moves to a new topic.
 */

/** Word weights. */
export type Vector = Map<string, number>;

export function norm(vector: Vector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

export function cosine(a: Vector, normA: number, b: Vector, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, weight] of small) dot += weight * (large.get(word) ?? 0);
  return dot / (normA * normB);
}

/** A sentence as the cutter sees it: its paragraph, and its weighted words. */
export interface CohesionUnit {
  paragraph: number;
  words: readonly string[];
  vector: Vector;
}

/** Units as arrays of word ids and weights, for fast window sums. */
interface Packed {
  ids: number[];
  weights: number[];
  size: number;
}

function pack(units: readonly CohesionUnit[]): { packed: Packed[]; vocabulary: number } {
  const idOf = new Map<string, number>();
  const packed = units.map((unit) => {
    const ids: number[] = [];
    const weights: number[] = [];
    for (const [word, weight] of unit.vector) {
      let id = idOf.get(word);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(word, id);
      }
      ids.push(id);
      weights.push(weight);
    }
    return { ids, weights, size: unit.words.length };
  });
  return { packed, vocabulary: idOf.size };
}

/** Sums the units from `from` on, one way, until `size` words; returns the ids it touched. */
function windowSum(
  packed: readonly Packed[],
  from: number,
  step: 1 | -1,
  size: number,
  sum: Float64Array,
): number[] {
  const touched: number[] = [];
  let taken = 0;
  for (let index = from; index >= 0 && index < packed.length && taken < size; index += step) {
    const unit = packed[index];
    if (unit === undefined) break;
    for (let k = 0; k < unit.ids.length; k += 1) {
      const id = unit.ids[k] ?? 0;
      if (sum[id] === 0) touched.push(id);
      sum[id] = (sum[id] ?? 0) + (unit.weights[k] ?? 0);
    }
    taken += unit.size;
  }
  return touched;
}

/** Cosine of the words before a gap with the words after it, leaving the buffers zeroed. */
function gapSimilarity(
  packed: readonly Packed[],
  at: number,
  size: number,
  left: Float64Array,
  right: Float64Array,
): number {
  const leftIds = windowSum(packed, at - 1, -1, size, left);
  const rightIds = windowSum(packed, at, 1, size, right);
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const id of leftIds) {
    const weight = left[id] ?? 0;
    leftNorm += weight * weight;
    dot += weight * (right[id] ?? 0);
  }
  for (const id of rightIds) rightNorm += (right[id] ?? 0) ** 2;
  for (const id of leftIds) left[id] = 0;
  for (const id of rightIds) right[id] = 0;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

/** How far a gap's similarity sits below the peaks on either side. */
function depths(similarity: readonly number[]): number[] {
  return similarity.map((value, gap) => {
    let left = value;
    for (let index = gap - 1; index >= 0; index -= 1) {
      const here = similarity[index] ?? 0;
      if (here <= left) break;
      left = here;
    }
    let right = value;
    for (let index = gap + 1; index < similarity.length; index += 1) {
      const here = similarity[index] ?? 0;
      if (here <= right) break;
      right = here;
    }
    return left - value + (right - value);
  });
}

/**
 * Cuts the units into at most `k` runs at paragraph breaks: the deepest valleys
 * of cohesion first, no run shorter than 40% of an even share of the words.
 */
export function cutAtTopicShifts<T extends CohesionUnit>(units: readonly T[], k: number): T[][] {
  if (k <= 1 || units.length < 2) return [units.slice()];
  const total = units.reduce((sum, unit) => sum + unit.words.length, 0);
  const size = Math.min(150, Math.max(12, Math.round(total / (k * 2.5))));
  const gaps: Array<{ at: number; position: number }> = [];
  let position = 0;
  units.forEach((unit, index) => {
    if (index > 0 && unit.paragraph !== units[index - 1]?.paragraph)
      gaps.push({ at: index, position });
    position += unit.words.length;
  });
  const { packed, vocabulary } = pack(units);
  const left = new Float64Array(vocabulary);
  const right = new Float64Array(vocabulary);
  const raw = gaps.map(({ at }) => gapSimilarity(packed, at, size, left, right));
  const smooth = raw.map(
    (value, index) => ((raw[index - 1] ?? value) + 2 * value + (raw[index + 1] ?? value)) / 4,
  );
  const depth = depths(smooth);
  const order = gaps
    .map((gap, index) => ({ ...gap, depth: depth[index] ?? 0, similarity: smooth[index] ?? 0 }))
    .sort((a, b) => b.depth - a.depth || a.similarity - b.similarity);
  const shortest = (0.4 * total) / k;
  const cuts: Array<{ at: number; position: number }> = [];
  for (const gap of order) {
    if (cuts.length === k - 1) break;
    const ends = [0, total, ...cuts.map((cut) => cut.position)];
    if (ends.every((end) => Math.abs(end - gap.position) >= shortest)) cuts.push(gap);
  }
  const bounds = [0, ...cuts.map((cut) => cut.at).sort((a, b) => a - b), units.length];
  return bounds.slice(1).map((end, index) => units.slice(bounds[index], end));
}
