import type { Point, Quote, Talk } from "../talk/model.js";
import { normalizeForMatch } from "../talk/text.js";

/** Character bigrams: a language-blind fingerprint that works for Chinese without a word splitter. */
function bigrams(text: string): Set<string> {
  const compact = normalizeForMatch(text).replace(/[\p{P}\p{S}]/gu, "");
  const grams = new Set<string>();
  for (let index = 0; index < compact.length - 1; index += 1)
    grams.add(compact.slice(index, index + 2));
  return grams;
}

/** Below this share of a point's (weighted) bigrams, a quote's context is only talking about the same company. */
const MIN_SCORE = 0.16;

/**
 * The quotes that speak to a point, best first, for the point slide's notes.
 * A summary paraphrases; the quote's own words rarely repeat it, but the turn
 * around the quote and the question before it do. Bigrams are weighted by how
 * rare they are across the turns, so "OpenAI" and "我们" count for little.
 */
export function relatedQuotes(point: Point, talk: Talk, limit = 2): Quote[] {
  const turnGrams = talk.turns.map((turn) => bigrams(turn.paragraphs.join("")));
  const documentFrequency = new Map<string, number>();
  for (const grams of turnGrams)
    for (const gram of grams) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  const weight = (gram: string) =>
    Math.log((turnGrams.length + 1) / ((documentFrequency.get(gram) ?? 0) + 1));
  const pointGrams = [...bigrams(`${point.lead} ${point.body}`)];
  const total = pointGrams.reduce((sum, gram) => sum + weight(gram), 0);
  if (total === 0) return [];
  return talk.quotes
    .map((quote) => {
      const context = new Set([
        ...(turnGrams[quote.turn - 1] ?? []),
        ...(turnGrams[quote.turn] ?? []),
      ]);
      const shared = pointGrams.reduce(
        (sum, gram) => sum + (context.has(gram) ? weight(gram) : 0),
        0,
      );
      return { quote, score: shared / total };
    })
    .filter(({ score }) => score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ quote }) => quote);
}
