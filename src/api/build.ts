/** Building a talk from a program: what `talkdeck build FILE` does, without the printing. */
import { buildTalk as buildWithPipeline } from "../build.js";
import type { BuildResult, BuildOptions as PipelineOptions } from "../build-options.js";

/**
 * What a build may be asked for: the output root and theme (`-o`, `--theme`),
 * a templates folder, exports, remote images, worker threads, a shard,
 * progress, the browser and `force`. (The hooks the watch session and the
 * preview use are left out.)
 */
export type BuildOptions = Omit<PipelineOptions, "cardPool" | "onRead">;

/**
 * Builds one talk as `talkdeck build FILE` does: the deck, the cards, the
 * gallery and `manifest.json` in `<output>/<talk>/` (default `out/<talk>/`
 * under the working directory). Nothing is printed: what the CLI would say is
 * in the result's `notes` and `missingExports`. A build with nothing changed
 * returns at once with `unchanged: true` (`force` builds anyway). Throws a
 * `TalkdeckError` for bad input; the previous output is then left as it was.
 */
export function buildTalk(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  return buildWithPipeline(file, options);
}
