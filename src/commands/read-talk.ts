import { loadAndResolve } from "../load-talk.js";
import type { Talk } from "../talk/model.js";
import { parseTalk } from "../talk/parse.js";

/** The talk a file names (itself, or a spec file's `source:`), read as `build` reads it. */
export async function loadTalk(file: string): Promise<Talk> {
  const { talk, config } = await loadAndResolve(file);
  return parseTalk(talk.body, talk.file, config.hints);
}
