import type { CliOverrides } from "./config/resolve.js";
import { loadAndResolve } from "./load-talk.js";
import type { Talk } from "./talk/model.js";
import { parseTalk } from "./talk/parse.js";

/**
 * The talk a file names (itself, or a spec file's `source:`), loaded, its
 * settings resolved and its body parsed as `build` reads it. Apart from
 * `load-talk.ts` so that a caller that needs no parse (the up-to-date check's
 * output folder) does not load the parser.
 */
export async function readAndParse(file: string, overrides: CliOverrides = {}) {
  const loaded = await loadAndResolve(file, overrides);
  const parsed: Talk = parseTalk(loaded.talk.body, loaded.talk.file, loaded.config.hints);
  return { ...loaded, parsed };
}
