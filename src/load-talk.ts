import { dirname, resolve } from "node:path";
import { loadSource, type Source } from "./source.js";
import type { ResolvedSpec } from "./spec/model.js";
import { type CliOverrides, resolveSpec } from "./spec/resolve.js";

/** A talk file and, when the file given was a spec file, that spec. */
export interface LoadedTalk {
  talk: Source;
  spec: Source | undefined;
}

/** A spec file names its talk with `source:`; a talk file is its own spec. */
export async function loadTalkAndSpec(file: string): Promise<LoadedTalk> {
  const first = await loadSource(file);
  const source = first.data.source;
  // A clipper's `source: https://…` is where the article came from, not a talk file.
  if (typeof source !== "string" || /^https?:\/\//i.test(source)) {
    return { talk: first, spec: undefined };
  }
  return {
    talk: await loadSource(resolve(dirname(file), source), first.locate(["source"])),
    spec: first,
  };
}

/** Every command reads a talk the same way: load it (and its spec), then resolve the settings. */
export async function loadAndResolve(
  file: string,
  overrides: CliOverrides = {},
): Promise<LoadedTalk & { resolved: ResolvedSpec }> {
  const loaded = await loadTalkAndSpec(file);
  return { ...loaded, resolved: resolveSpec(loaded.talk, loaded.spec, overrides) };
}
