import type { Point, Quote } from "../talk/model.js";
import { normalizeForMatch } from "../talk/text.js";

/** Character bigrams (CJK) and word pairs alike: a cheap, language-blind fingerprint. */
function bigrams(text: string): Set<string> {
  const compact = normalizeForMatch(text).replace(/[\p{P}\p{S}]/gu, "");
  const grams = new Set<string>();
  for (let index = 0; index < compact.length - 1; index += 1)
    grams.add(compact.slice(index, index + 2));
  return grams;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return a.size === 0 || b.size === 0 ? 0 : shared / Math.min(a.size, b.size);
}

/** The quotes that speak to a point, best first: what the presenter may want to cite on its slide. */
export function relatedQuotes(point: Point, quotes: readonly Quote[], limit = 3): Quote[] {
  const pointGrams = bigrams(`${point.lead} ${point.body}`);
  return quotes
    .map((quote) => ({ quote, score: overlap(bigrams(quote.text), pointGrams) }))
    .filter(({ score }) => score >= 0.18)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ quote }) => quote);
}
