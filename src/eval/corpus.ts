import { readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { TalkdeckError } from "../errors.js";
import { readAndParse } from "../read-talk.js";
import type { Talk } from "../talk/model.js";
import type { CaseResult, CorpusCase, CorpusTotals } from "./corpus-types.js";
import { rankQuotes, speakersRight } from "./reference-match.js";

export type { CaseResult, CorpusCase, CorpusTotals } from "./corpus-types.js";
export { referencesMatched } from "./reference-match.js";

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The title as talkdeck shows it: the front matter's, else the one the text gives. */
export async function parseCase(path: string): Promise<{ talk: Talk; title: string }> {
  const { parsed: talk, config } = await readAndParse(path);
  return { talk, title: config.meta.title ?? talk.meta.title };
}

/** A case as parsed: the talk, and its title as talkdeck shows it. */
type ParsedCase = Awaited<ReturnType<typeof parseCase>>;

type UnreadCase = Pick<CaseResult, "file" | "lang" | "title" | "speakers" | "points">;

/** What corpus.json expects of the case, with nothing read yet. */
function unreadCase(entry: CorpusCase, expectedTitle: string): UnreadCase {
  return {
    file: entry.file,
    lang: entry.lang,
    title: { expected: expectedTitle, got: null, right: false },
    speakers: { expected: entry.speakers, got: [], right: false },
    points: { expected: entry.summaryPoints, got: 0, right: false },
  };
}

interface TimedParses {
  /** The last run's parse; none when there was no run, or when talkdeck refused the file. */
  parsed: ParsedCase | undefined;
  refusal: TalkdeckError | undefined;
  /** Each run's time in ms, the runs before a refusal included. */
  times: number[];
}

/** Parses the case `runs` times, timing each; a refusal ends the runs, anything else is thrown. */
async function timedParses(path: string, runs: number): Promise<TimedParses> {
  const times: number[] = [];
  let parsed: ParsedCase | undefined;
  try {
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      parsed = await parseCase(path);
      times.push(performance.now() - start);
    }
  } catch (error) {
    if (!(error instanceof TalkdeckError)) throw error;
    return { parsed, refusal: error, times };
  }
  return { parsed, refusal: undefined, times };
}

/** The case as talkdeck refused it: no candidate, every reference unfound. */
function refusedCase(
  base: UnreadCase,
  entry: CorpusCase,
  error: TalkdeckError,
  ms: number,
): CaseResult {
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
    ms,
  };
}

/** The case as talkdeck read it, scored against corpus.json. */
function scoredCase(
  base: UnreadCase,
  entry: CorpusCase,
  { talk, title }: ParsedCase,
  ms: number,
): CaseResult {
  const expectedTitle = base.title.expected;
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
    ms,
  };
}

/** Runs talkdeck's reader on one case and scores it. `runs` parses are timed; the median is kept. */
export async function evaluateCase(dir: string, entry: CorpusCase, runs = 3): Promise<CaseResult> {
  const path = join(dir, entry.file);
  const base = unreadCase(entry, entry.title ?? basename(entry.file, extname(entry.file)));
  const { parsed, refusal, times } = await timedParses(path, runs);
  if (refusal !== undefined) return refusedCase(base, entry, refusal, median(times));
  if (parsed === undefined) throw new Error("evaluateCase needs at least one run");
  return scoredCase(base, entry, parsed, median(times));
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
