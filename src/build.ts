import type { CardPool } from "./cards/pool.js";
import { findBrowser } from "./deck/browser.js";
import type { BrowserFormat } from "./deck/build-deck.js";
import { recordBuild, unchangedBuild } from "./output/stamp.js";
import type { Selection } from "./select.js";
import type { Source } from "./source.js";
import type { ResolvedSpec } from "./spec/model.js";
import type { CliOverrides } from "./spec/resolve.js";
import type { Talk } from "./talk/model.js";

/** A talk as a build read it: its files, its settings, the parsed talk and what was chosen. */
export interface TalkAsRead {
  source: Source;
  specSource: Source | undefined;
  resolved: ResolvedSpec;
  talk: Talk;
  selection: Selection;
}

export interface BuildOptions extends CliOverrides {
  /** A folder of the user's templates, overriding ours by file name. */
  templatesDir?: string;
  /** Exports asked for on the command line (`--pdf`, `--pptx`, `--images`). */
  formats?: BrowserFormat[];
  /** Fetch remote images of the talk (its cover), with a time limit and a size cap. */
  allowRemote?: boolean;
  /** Worker threads for drawing cards (default: the machine's cores). */
  jobs?: number;
  /** Draw only this share of the cards: `{ index: 1, count: 2 }` is every second card from the first. */
  shard?: { index: number; count: number };
  /** Called after each card is drawn. */
  onProgress?: (done: number, total: number) => void;
  /** The browser for PDF/PPTX/PNG exports: found on the machine when not given, none when `false`. */
  browser?: string | false;
  /** Build even when nothing changed since the last build with the same options. */
  force?: boolean;
  /** Card worker threads kept between builds by the caller (a watch session), which also ends them. */
  cardPool?: CardPool;
  /** Called once the talk is read, before rendering: a watcher reuses the parse instead of parsing again. */
  onRead?: (read: TalkAsRead) => void;
}

export interface BuildResult {
  outputDir: string;
  slides: number;
  cards: number;
  /** Images of the carousel (`cards.carousel`), when the front matter asks for one. */
  carouselImages?: number;
  files: string[];
  notes: string[];
  /** Exports asked for on the command line that could not be made: no browser. */
  missingExports: BrowserFormat[];
  /** Cards drawn in this build; the others were unchanged and kept. */
  cardsRendered: number;
  /** Nothing changed since the last build with the same options: nothing was parsed, drawn or written. */
  unchanged: boolean;
}

/** The options that decide what a build makes (not how fast, nor how it reports). */
function stampOptions(options: BuildOptions) {
  const {
    jobs: _jobs,
    onProgress: _onProgress,
    force: _force,
    onRead: _onRead,
    cardPool: _cardPool,
    ...deciding
  } = options;
  return deciding;
}

/**
 * Builds one talk: deck and cards, in `out/<talk>/` unless told otherwise.
 * When nothing it depends on changed since the last build with the same
 * options and that build's files are untouched, it says so and returns at
 * once, without loading a parser or a renderer (`force` builds anyway).
 * With `allowRemote` it always builds: what is on the web may have changed.
 */
export async function buildTalk(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const deciding = stampOptions(options);
  const browser = options.browser === false ? null : (findBrowser(options.browser) ?? null);
  const templatesDir = options.templatesDir;
  if (options.force !== true && options.allowRemote !== true) {
    const previous = await unchangedBuild<BuildResult>(file, deciding, { templatesDir, browser });
    if (previous !== undefined) return { ...previous, cardsRendered: 0, unchanged: true };
  }
  const { runPipeline } = await import("./build-pipeline.js");
  // The browser found here is the one the build uses and the stamp records: one search.
  const run = await runPipeline(file, { ...options, browser: browser ?? false });
  await recordBuild(file, deciding, {
    inputs: run.inputs,
    templatesDir,
    browser,
    outputDir: run.result.outputDir,
    outputNames: run.outputNames,
    result: run.result,
  });
  return run.result;
}
