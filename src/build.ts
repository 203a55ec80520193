import type { BuildOptions, BuildResult } from "./build-options.js";
import { findBrowser } from "./deck/browser.js";
import { recordBuild, unchangedBuild } from "./output/up-to-date.js";

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
