import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";

export interface OutputFile {
  /** Path inside the output folder, `/`-separated, e.g. `cards/q-3f2a-square.png`. */
  name: string;
  data: string | Buffer;
}

/** A file whose bytes wait in a staging file (cards: a big batch does not sit in memory). */
export interface StagedFile {
  name: string;
  staged: string;
}

/** A file the previous build made from the same inputs, already in place: nothing to write. */
export interface KeptFile {
  name: string;
  kept: true;
}

export type BuildFile = OutputFile | StagedFile | KeptFile;

export const MANIFEST = "manifest.json";
export const GENERATOR = "talkdeck";

/** What the previous build in a folder made: its files, and the content hash each was made from. */
export interface PreviousBuild {
  files: string[];
  hashes: Readonly<Record<string, string>>;
}

/** The previous build of this folder, from its manifest; undefined when the folder is not ours. */
async function previousBuild(dir: string): Promise<PreviousBuild | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), "utf8");
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as { generator?: unknown; files?: unknown; hashes?: unknown };
    if (manifest.generator !== GENERATOR || !Array.isArray(manifest.files)) return undefined;
    const hashes =
      typeof manifest.hashes === "object" && manifest.hashes !== null
        ? (manifest.hashes as Record<string, string>)
        : {};
    return {
      files: manifest.files.filter((file): file is string => typeof file === "string"),
      hashes,
    };
  } catch {
    return undefined;
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

function targetPath(dir: string, name: string): string {
  const target = resolve(dir, name);
  const inside = relative(dir, target);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new TalkdeckError(
      ErrorCode.OutputUnsafe,
      `refusing to write outside the output folder: ${name}`,
    );
  }
  return target;
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The folder must be new, empty or talkdeck's own (it has our manifest), so no
 * user file is ever overwritten. Returns the files our previous build made.
 */
export async function checkOutputFolder(dir: string): Promise<PreviousBuild> {
  const previous = await previousBuild(dir);
  if (previous === undefined && !(await isEmptyOrMissing(dir))) {
    throw new TalkdeckError(
      ErrorCode.OutputUnsafe,
      `the output folder ${dir} has files talkdeck did not make`,
      {
        hint: "choose another folder with -o, or empty this one",
      },
    );
  }
  return previous ?? { files: [], hashes: {} };
}

/** True when the file already holds exactly these bytes: left alone, so its mtime says when it really changed. */
async function unchanged(path: string, data: string | Buffer): Promise<boolean> {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  try {
    return (await readFile(path)).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Writes a build's files into `dir`. Each file goes to a temporary name and is
 * renamed into place, so a reader never sees half a file; a file whose bytes
 * are already there is not touched. Files our previous build made that this
 * one does not are removed.
 */
export async function writeOutputs(
  dir: string,
  files: readonly BuildFile[],
  protectedFiles: readonly string[],
  options: { removeStale?: boolean } = {},
): Promise<void> {
  // Checked again here: the folder may have changed while the build rendered.
  const previous = await checkOutputFolder(dir);
  const protectedPaths = new Set(await Promise.all(protectedFiles.map(realpathOrSelf)));
  const targets = files.map((file) => ({ file, path: targetPath(dir, file.name) }));
  for (const { path } of targets) {
    if (protectedPaths.has(await realpathOrSelf(path))) {
      throw new TalkdeckError(
        ErrorCode.OutputUnsafe,
        `refusing to overwrite the source file ${path}`,
        {
          hint: "choose another output folder with -o",
        },
      );
    }
  }
  try {
    for (const { file, path } of targets) {
      if ("kept" in file) continue;
      const data = "data" in file ? file.data : await readFile(file.staged);
      if (await unchanged(path, data)) continue;
      await mkdir(resolve(path, ".."), { recursive: true });
      const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      try {
        await writeFile(temporary, data);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }
    const current = new Set(files.map((file) => file.name));
    for (const stale of options.removeStale === false ? [] : previous.files) {
      if (!current.has(stale)) await rm(targetPath(dir, stale), { force: true });
    }
  } catch (error) {
    if (error instanceof TalkdeckError) throw error;
    throw new TalkdeckError(
      ErrorCode.WriteFailed,
      `cannot write to ${dir}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
