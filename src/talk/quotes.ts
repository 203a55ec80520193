import { createHash } from "node:crypto";
import type { Quote } from "./model.js";
import { candidatesOf, talkSentences } from "./rank/candidates.js";
import { rankContext } from "./rank/context.js";
import { featuresOf } from "./rank/features.js";
import { orderByScore, scoreFeatures } from "./rank/model.js";
import { normalizeForMatch } from "./text.js";
import type { TurnDraft } from "./turns.js";

/** The sha1 of a quote's normalised text, in hex: the source of its id. */
export function quoteHash(text: string): string {
  return createHash("sha1").update(normalizeForMatch(text)).digest("hex");
}

/** Hex digits of the hash in an id: 65,536 values, short enough to type into front matter. */
const ID_DIGITS = 4;

/**
 * `q-` and the first four hex digits of each quote's own hash, so that no
 * other quote can change a quote's id. Four digits keep the ids users already
 * have in their front matter; they collide now and then (about one talk in 13
 * with 100 quotes has a pair; 16,000 quotes have some 1,900 pairs). Then the
 * quote said first keeps the short id and each later one adds the next
 * digits of its own hash (`q-781a-c9e0`), not a counter: adding a quote after
 * it, or another quote sharing the digits, renames nothing. Only a quote
 * sharing them and said earlier takes over the short id (select.ts says so
 * when the front matter names it, and a long id keeps naming its quote). One
 * pass with a set: linear in the quotes.
 */
function assignIds(hashes: readonly string[]): string[] {
  const taken = new Set<string>();
  return hashes.map((hash) => {
    let id = `q-${hash.slice(0, ID_DIGITS)}`;
    // Distinct texts with the same 8, 12, … digits: longer suffixes, then the full hash.
    for (let end = 2 * ID_DIGITS; taken.has(id) && end <= hash.length; end += ID_DIGITS) {
      id = `q-${hash.slice(0, ID_DIGITS)}-${hash.slice(ID_DIGITS, end)}`;
    }
    taken.add(id);
    return id;
  });
}

/** What the ranker compares candidates with besides the talk itself. */
export interface QuoteContext {
  title?: string;
  points?: ReadonlyArray<{ lead: string; body: string }>;
  /** Headings, the lead, pull quotes: the write-up's text outside the turns (rank/highlights.ts). */
  highlights?: readonly string[];
  /** Interviewers: of their turns only what the editor bolded is a candidate. */
  hosts?: ReadonlySet<string>;
}

/**
 * Quote candidates, ranked best first: every sentence a speaker (not a host
 * or the audience) says, the phrases in quotation marks, bold spans, and
 * pairs of sentences where the second leans on the first. The score is the
 * fitted linear model over the features in rank/features.ts; `why` lists
 * each feature's share of it.
 */
export function findQuotes(
  turns: readonly TurnDraft[],
  notSpeakers: ReadonlySet<string> = new Set(),
  about: QuoteContext = {},
): Quote[] {
  const sentences = talkSentences(turns);
  const summary = [
    ...(about.title === undefined ? [] : [about.title]),
    ...(about.points ?? []).map((point) => `${point.lead} ${point.body}`),
  ];
  const context = rankContext(sentences, {
    summary,
    highlights: about.highlights ?? [],
  });
  const candidates = candidatesOf(turns, notSpeakers, sentences, about.hosts);
  // In the talk's order: on a collision the quote said first keeps the short id.
  const ids = assignIds(candidates.map((candidate) => quoteHash(candidate.text)));
  const quotes = candidates.map((candidate, index): Quote => {
    const features = featuresOf(candidate, context);
    return {
      id: ids[index] ?? "",
      text: candidate.text,
      speaker: candidate.speaker,
      turn: candidate.turn,
      line: candidate.line,
      ...scoreFeatures(features),
      features,
    };
  });
  return orderByScore(quotes, (quote) => quote.features?.bold ?? 0);
}
