/**
 * How talkdeck's reading of a case meets corpus.json's references: where each
 * reference quote ranks among the candidates (text and speaker), which
 * references each candidate matches, and whether the speakers are right.
 */
import type { Talk } from "../talk/model.js";
import type { CorpusCase, QuoteResult, ReferenceQuote } from "./corpus-types.js";
import { nameForms, normalizeForScoring, normalizeName, textsMatch } from "./match.js";

/** The names a talkdeck speaker goes by: the full name and every alias. */
function speakerForms(talk: Talk, name: string): Set<string> {
  const speaker = talk.speakers.find((entry) => entry.name === name);
  return new Set([name, ...(speaker?.aliases ?? [])].map(normalizeName));
}

/** `speakerForms` of each quote's speaker, worked out once per speaker. */
function quoteSpeakerForms(talk: Talk): Array<Set<string>> {
  const bySpeaker = new Map<string, Set<string>>();
  return talk.quotes.map((quote) => {
    let forms = bySpeaker.get(quote.speaker);
    if (forms === undefined) {
      forms = speakerForms(talk, quote.speaker);
      bySpeaker.set(quote.speaker, forms);
    }
    return forms;
  });
}

const namesMeet = (forms: ReadonlySet<string>, accepted: ReadonlySet<string>) =>
  [...forms].some((form) => accepted.has(form));

/** The names a reference accepts: its speaker, its label, and the other forms corpus.json gives the same person. */
function acceptedNames(entry: CorpusCase, quote: ReferenceQuote): Set<string> {
  const accepted = new Set(
    [quote.speaker, ...(quote.label === undefined ? [] : [quote.label])].map(normalizeName),
  );
  for (const full of entry.speakers) {
    const forms = nameForms(full);
    if (forms.some((form) => accepted.has(form))) for (const form of forms) accepted.add(form);
  }
  return accepted;
}

export function rankQuotes(entry: CorpusCase, talk: Talk): QuoteResult[] {
  const forms = quoteSpeakerForms(talk);
  const candidates = talk.quotes.map((quote, index) => ({
    text: normalizeForScoring(quote.text),
    speaker: quote.speaker,
    forms: forms[index] ?? new Set<string>(),
  }));
  return entry.quotes.map((reference) => {
    const wanted = normalizeForScoring(reference.text);
    const accepted = acceptedNames(entry, reference);
    let rank: number | null = null;
    let textRank: number | null = null;
    let textSpeaker: string | null = null;
    for (const [index, candidate] of candidates.entries()) {
      if (!textsMatch(candidate.text, wanted)) continue;
      if (textRank === null) {
        textRank = index + 1;
        textSpeaker = candidate.speaker;
      }
      if (namesMeet(candidate.forms, accepted)) {
        rank = index + 1;
        break;
      }
    }
    return { text: reference.text, speaker: reference.speaker, rank, textRank, textSpeaker };
  });
}

/** For each of the talk's quote candidates, the indexes of the references it matches (text and speaker). */
export function referencesMatched(entry: CorpusCase, talk: Talk): number[][] {
  const references = entry.quotes.map((reference) => ({
    text: normalizeForScoring(reference.text),
    accepted: acceptedNames(entry, reference),
  }));
  const forms = quoteSpeakerForms(talk);
  return talk.quotes.map((quote, at) => {
    const text = normalizeForScoring(quote.text);
    const names = forms[at] ?? new Set<string>();
    return references.flatMap((reference, index) =>
      textsMatch(text, reference.text) && namesMeet(names, reference.accepted) ? [index] : [],
    );
  });
}

/** Every expected speaker is one talkdeck speaker (by name or alias), and there are no others. */
export function speakersRight(entry: CorpusCase, talk: Talk): boolean {
  const people = talk.speakers.map((speaker) => speakerForms(talk, speaker.name));
  if (people.length !== entry.speakers.length) return false;
  const used = new Set<number>();
  return entry.speakers.every((full) => {
    const forms = nameForms(full);
    const index = people.findIndex(
      (names, at) => !used.has(at) && forms.some((form) => names.has(form)),
    );
    if (index === -1) return false;
    used.add(index);
    return true;
  });
}
