import { readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { TalkdeckError } from "../errors.js";
import { loadAndResolve } from "../load-talk.js";
import type { Talk } from "../talk/model.js";
import { parseTalk } from "../talk/parse.js";
import { nameForms, normalizeForScoring, normalizeName, textsMatch } from "./match.js";

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

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The corpus the project is measured on: `TALKDECK_CORPUS`, else `../shared/corpus` beside the project. */
export function defaultCorpusDir(): string {
  return process.env.TALKDECK_CORPUS ?? resolve(projectRoot, "..", "shared", "corpus");
}

/** Reads `corpus.json` from a corpus folder. */
export async function loadCorpus(dir: string): Promise<CorpusCase[]> {
  const data = JSON.parse(await readFile(join(dir, "corpus.json"), "utf8")) as {
    cases: CorpusCase[];
  };
  return data.cases;
}

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

function rankQuotes(entry: CorpusCase, talk: Talk): QuoteResult[] {
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
function speakersRight(entry: CorpusCase, talk: Talk): boolean {
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The title as talkdeck shows it: the front matter's, else the one the text gives. */
export async function parseCase(path: string): Promise<{ talk: Talk; title: string }> {
  const { talk: source, resolved } = await loadAndResolve(path);
  const talk = parseTalk(source.body, source.file, resolved.hints);
  return { talk, title: resolved.meta.title ?? talk.meta.title };
}

/** Runs talkdeck's reader on one case and scores it. `runs` parses are timed; the median is kept. */
export async function evaluateCase(dir: string, entry: CorpusCase, runs = 3): Promise<CaseResult> {
  const path = join(dir, entry.file);
  const expectedTitle = entry.title ?? basename(entry.file, extname(entry.file));
  const base = {
    file: entry.file,
    lang: entry.lang,
    title: { expected: expectedTitle, got: null, right: false },
    speakers: { expected: entry.speakers, got: [], right: false },
    points: { expected: entry.summaryPoints, got: 0, right: false },
  };
  const times: number[] = [];
  let parsed: { talk: Talk; title: string } | undefined;
  try {
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      parsed = await parseCase(path);
      times.push(performance.now() - start);
    }
  } catch (error) {
    if (!(error instanceof TalkdeckError)) throw error;
    const where = error.location?.line === undefined ? "" : `:${error.location.line}`;
    return {
      ...base,
      refused: `${basename(entry.file)}${where}: ${error.message}`,
      candidates: 0,
      quotes: entry.quotes.map((quote) => ({
        text: quote.text,
        speaker: quote.speaker,
        rank: null,
        textRank: null,
        textSpeaker: null,
      })),
      ms: median(times),
    };
  }
  if (parsed === undefined) throw new Error("evaluateCase needs at least one run");
  const { talk, title } = parsed;
  const summaryCount = talk.pointsFrom === "summary" ? talk.points.length : 0;
  return {
    ...base,
    refused: null,
    candidates: talk.quotes.length,
    title: {
      expected: expectedTitle,
      got: title,
      right: title.replace(/\s+/g, " ").trim() === expectedTitle.replace(/\s+/g, " ").trim(),
    },
    speakers: {
      expected: entry.speakers,
      got: talk.speakers.map((speaker) =>
        speaker.aliases.length === 0
          ? speaker.name
          : `${speaker.name} (${speaker.aliases.join(", ")})`,
      ),
      right: speakersRight(entry, talk),
    },
    points: {
      expected: entry.summaryPoints,
      got: summaryCount,
      right: summaryCount === entry.summaryPoints,
    },
    quotes: rankQuotes(entry, talk),
    ms: median(times),
  };
}

export function totalsOf(results: readonly CaseResult[]): CorpusTotals {
  const quotes = results.flatMap((result) => result.quotes);
  const anywhere = quotes.filter((quote) => quote.rank !== null).length;
  const within = (k: number) =>
    quotes.filter((quote) => quote.rank !== null && quote.rank <= k).length;
  return {
    cases: results.length,
    refused: results.filter((result) => result.refused !== null).length,
    noCandidate: results.filter((result) => result.refused === null && result.candidates === 0)
      .length,
    titleRight: results.filter((result) => result.title.right).length,
    speakersRight: results.filter((result) => result.speakers.right).length,
    pointsRight: results.filter((result) => result.points.right).length,
    references: quotes.length,
    top6: within(6),
    top10: within(10),
    anywhere,
    textFound: quotes.filter((quote) => quote.textRank !== null).length,
    // Found anywhere is found with the right speaker: `rank` requires both.
    rightSpeaker: anywhere,
    maxMs: Math.max(0, ...results.map((result) => result.ms)),
  };
}

/** Every case of the corpus in `dir`, in corpus.json's order. */
export async function evaluateCorpus(dir: string, runs = 3): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const entry of await loadCorpus(dir)) results.push(await evaluateCase(dir, entry, runs));
  return results;
}
