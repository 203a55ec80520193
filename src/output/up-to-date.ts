// Cache 1 of 2, per talk and options: skips the whole build, before any parse; output/reuse.ts (manifest.json) keeps unchanged outputs once a build runs.
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { INPUT_LIMITS, readInputFile } from "../input-file.js";
import { listTemplateFiles } from "../template-files.js";
import { version } from "../version.js";
import { makeFolders } from "./make-folders.js";
import { contentHash } from "./reuse.js";

/**
 * What a finished build leaves in talkdeck's cache folder, so that the next
 * build of the same talk with the same options can tell, before loading any
 * parser or renderer, that nothing changed: the same input bytes (the talk,
 * its spec, theme and logo files, every template) and its own outputs still
 * in place as it wrote them. Like make's timestamps, but by content.
 *
 * The manifest's content hashes (output/reuse.ts) cannot answer this alone:
 * they are hashes of what parse and select make, so that check took 0.2–0.4
 * of a cold build (issue 14, 2026-11-30) where this one takes 0.02–0.06.
 */
export interface BuildStamp<Result> {
  inputs: Array<{ path: string; hash: string }>;
  templates: string;
  browser: string | null;
  outputDir: string;
  outputs: Array<{ name: string; size: number; mtimeMs: number }>;
  result: Result;
}

/** `TALKDECK_CACHE_DIR`, else the XDG cache folder. */
function cacheDir(): string {
  const configured = process.env.TALKDECK_CACHE_DIR;
  if (configured !== undefined && configured !== "") return resolve(configured);
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== "" ? xdg : join(homedir(), ".cache"), "talkdeck");
}

/** This build of talkdeck: a rebuilt `dist/` (or an edited source under test) is new code. */
async function codeIdentity(): Promise<string> {
  const self = await stat(fileURLToPath(import.meta.url));
  return `${version}:${self.mtimeMs}`;
}

/** The stamp's file: one per talk, options and working folder. */
async function stampFile(talkFile: string, options: unknown): Promise<string> {
  const key = contentHash(
    await codeIdentity(),
    process.cwd(),
    resolve(talkFile),
    JSON.stringify(options),
  );
  return join(cacheDir(), "builds", `${key}.json`);
}

async function fileHash(path: string): Promise<string | undefined> {
  try {
    // Checked like every input: a talk swapped for a FIFO or /dev/zero must not hang the check.
    return contentHash(
      await readInputFile(path, { maxBytes: INPUT_LIMITS.talk, what: "input file" }),
    );
  } catch {
    return undefined;
  }
}

/** Every template file the build would load, ours and the user's, by path and content: adding an override counts. */
async function templatesFingerprint(userDir: string | undefined): Promise<string> {
  const parts: string[] = [];
  for (const { key, file } of await listTemplateFiles(userDir)) {
    parts.push(key, file, (await fileHash(file)) ?? "");
  }
  return contentHash(...parts);
}

/** The last build's result, when nothing it depends on changed and its outputs are untouched. */
export async function unchangedBuild<Result>(
  talkFile: string,
  options: unknown,
  now: { templatesDir: string | undefined; browser: string | null },
): Promise<Result | undefined> {
  let stamp: BuildStamp<Result>;
  try {
    stamp = JSON.parse(
      await readFile(await stampFile(talkFile, options), "utf8"),
    ) as BuildStamp<Result>;
  } catch {
    return undefined;
  }
  if (stamp.browser !== now.browser) return undefined;
  for (const input of stamp.inputs) {
    if ((await fileHash(input.path)) !== input.hash) return undefined;
  }
  // A folder that cannot be listed is for the full build to report.
  const templates = await templatesFingerprint(now.templatesDir).catch(() => undefined);
  if (templates !== stamp.templates) return undefined;
  for (const output of stamp.outputs) {
    const info = await stat(join(stamp.outputDir, output.name)).catch(() => undefined);
    if (info?.size !== output.size || info.mtimeMs !== output.mtimeMs) return undefined;
  }
  return stamp.result;
}

/** The files' content hashes, taken when the build reads them. */
export function hashInputs(
  files: readonly string[],
): Promise<Array<{ path: string; hash: string }>> {
  return Promise.all(files.map(async (path) => ({ path, hash: (await fileHash(path)) ?? "" })));
}

/**
 * Cache folders that could not be made or written: this process stops trying
 * them after one failure, since the cache only saves time.
 */
const unwritableCaches = new Set<string>();

/** Records a finished build. Best effort: a cache folder that cannot be written only costs the next build its shortcut. */
export async function recordBuild<Result>(
  talkFile: string,
  options: unknown,
  build: {
    inputs: Array<{ path: string; hash: string }>;
    templatesDir: string | undefined;
    browser: string | null;
    outputDir: string;
    outputNames: readonly string[];
    result: Result;
  },
): Promise<void> {
  const cache = cacheDir();
  if (unwritableCaches.has(cache)) return;
  let stamp: BuildStamp<Result>;
  try {
    const outputs = await Promise.all(
      build.outputNames.map(async (name) => {
        const info = await stat(join(build.outputDir, name));
        return { name, size: info.size, mtimeMs: info.mtimeMs };
      }),
    );
    stamp = {
      inputs: build.inputs,
      templates: await templatesFingerprint(build.templatesDir),
      browser: build.browser,
      outputDir: build.outputDir,
      outputs,
      result: build.result,
    };
  } catch {
    return; // An output gone since: nothing to vouch for.
  }
  try {
    const file = await stampFile(talkFile, options);
    await makeFolders(dirname(file));
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(stamp));
    await rename(temporary, file);
  } catch {
    // No shortcut next time; the build itself is done. No second try in this process.
    unwritableCaches.add(cache);
  }
}
