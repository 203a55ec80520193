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
 * The turns' bigrams are counted once per talk, not once per point.
 */
export function relatedQuoteFinder(talk: Talk): (point: Point, limit?: number) => Quote[] {
  const turnGrams = talk.turns.map((turn) => bigrams(turn.paragraphs.join("")));
  const documentFrequency = new Map<string, number>();
  for (const grams of turnGrams)
    for (const gram of grams) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  const weight = (gram: string) =>
    Math.log((turnGrams.length + 1) / ((documentFrequency.get(gram) ?? 0) + 1));
  return (point, limit = 2) => {
    const pointGrams = [...bigrams(`${point.lead} ${point.body}`)];
    const total = pointGrams.reduce((sum, gram) => sum + weight(gram), 0);
    if (total === 0) return [];
    // A quote's context is its turn and the one before; quotes of one turn share it.
    const byTurn = new Map<number, number>();
    const scoreOf = (turn: number) => {
      let score = byTurn.get(turn);
      if (score === undefined) {
        const before = turnGrams[turn - 1];
        const own = turnGrams[turn];
        const shared = pointGrams.reduce(
          (sum, gram) => sum + (before?.has(gram) || own?.has(gram) ? weight(gram) : 0),
          0,
        );
        score = shared / total;
        byTurn.set(turn, score);
      }
      return score;
    };
    return talk.quotes
      .map((quote) => ({ quote, score: scoreOf(quote.turn) }))
      .filter(({ score }) => score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ quote }) => quote);
  };
}
