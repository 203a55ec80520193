import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { ResolvedConfig } from "./config/model.js";
import { type CliOverrides, resolveConfig } from "./config/resolve.js";
import { loadSource, type Source } from "./source.js";

/** A talk file and, when the file given was a spec file, that spec. */
export interface LoadedTalk {
  talk: Source;
  spec: Source | undefined;
}

/**
 * The talk a spec file's `source:` names: a path (`./talk.md`). Other tools
 * write `source:` too, for the page a clipping came from
 * (`https://…`) or a publication's name (`source: The Economist`): that is
 * no talk file, and the file is a talk of its own. A path with a Markdown or
 * text extension is taken as a talk file even when it is not there, so that
 * a wrong path is reported.
 */
async function talkFileNamed(source: unknown, from: string): Promise<string | undefined> {
  if (typeof source !== "string" || /^[a-z][a-z0-9+.-]*:\/\//i.test(source.trim()))
    return undefined;
  const path = resolve(dirname(from), source);
  if (/\.(md|markdown|mdx|txt)$/i.test(source.trim())) return path;
  return (await stat(path).catch(() => undefined)) === undefined ? undefined : path;
}

/** A spec file names its talk with `source:`; a talk file is its own spec. */
export async function loadTalkAndSpec(file: string): Promise<LoadedTalk> {
  const first = await loadSource(file);
  const talkFile = await talkFileNamed(first.data.source, file);
  if (talkFile === undefined) return { talk: first, spec: undefined };
  return { talk: await loadSource(talkFile, first.locate(["source"])), spec: first };
}

/** Every command reads a talk the same way: load it (and its spec), then resolve the settings. */
export async function loadAndResolve(
  file: string,
  overrides: CliOverrides = {},
): Promise<LoadedTalk & { config: ResolvedConfig }> {
  const loaded = await loadTalkAndSpec(file);
  return { ...loaded, config: resolveConfig(loaded.talk, loaded.spec, overrides) };
}
