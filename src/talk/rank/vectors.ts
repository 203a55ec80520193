/** TF-IDF vectors over a talk's sentences: how central a line is to the talk and to its summary. */
import { contentWords } from "../words.js";

export type Vector = Map<string, number>;

/** Word → inverse document frequency, the talk's sentences being the documents. */
export function inverseFrequencies(sentences: readonly (readonly string[])[]): Map<string, number> {
  const documents = new Map<string, number>();
  for (const words of sentences) {
    for (const word of new Set(words)) documents.set(word, (documents.get(word) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [word, count] of documents) {
    idf.set(word, Math.log((1 + sentences.length) / (1 + count)) + 1);
  }
  return idf;
}

/** Term frequency times IDF; words the talk never uses weigh as if used once. */
export function tfidf(words: readonly string[], idf: ReadonlyMap<string, number>): Vector {
  const vector: Vector = new Map();
  const unseen = Math.log(idf.size + 1) + 1;
  for (const word of words) vector.set(word, (vector.get(word) ?? 0) + (idf.get(word) ?? unseen));
  return vector;
}

export function addInto(target: Vector, vector: Vector): Vector {
  for (const [word, weight] of vector) target.set(word, (target.get(word) ?? 0) + weight);
  return target;
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

const cache = new Map<string, string[]>();

/** Content words of a sentence, memoised: the same sentence is looked at several times. */
export function wordsOf(text: string): string[] {
  let words = cache.get(text);
  if (words === undefined) {
    if (cache.size > 50_000) cache.clear();
    words = contentWords(text);
    cache.set(text, words);
  }
  return words;
}

/** Vectors indexed by word, for finding the closest one to a sentence without comparing with all. */
export interface VectorIndex {
  postings: Map<string, Array<[number, number]>>;
  norms: number[];
}

export function indexVectors(vectors: readonly Vector[]): VectorIndex {
  const postings = new Map<string, Array<[number, number]>>();
  vectors.forEach((vector, id) => {
    for (const [word, weight] of vector) {
      const list = postings.get(word);
      if (list === undefined) postings.set(word, [[id, weight]]);
      else list.push([id, weight]);
    }
  });
  return { postings, norms: vectors.map(norm) };
}

/** The highest cosine between `vector` and any indexed vector. */
export function maxCosine(vector: Vector, index: VectorIndex): number {
  const dots = new Map<number, number>();
  for (const [word, weight] of vector) {
    for (const [id, other] of index.postings.get(word) ?? []) {
      dots.set(id, (dots.get(id) ?? 0) + weight * other);
    }
  }
  const length = norm(vector);
  let best = 0;
  for (const [id, dot] of dots) {
    const lengths = length * (index.norms[id] ?? 0);
    if (lengths > 0) best = Math.max(best, dot / lengths);
  }
  return best;
}
