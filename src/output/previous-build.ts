import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { lstat, open, readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";

export const MANIFEST = "manifest.json";
export const GENERATOR = "talkdeck";

/** No output of ours is near this; a bigger file in the folder is not read back. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** What the previous build in a folder made, from its manifest. */
export interface PreviousBuild {
  /** Every file it wrote, the manifest aside. */
  files: string[];
  /** The content hash (of the inputs) each output was made from. */
  hashes: Readonly<Record<string, string>>;
  /** The SHA-256 of each output's bytes as written: a file that no longer matches was damaged or edited. */
  digests: Readonly<Record<string, string>>;
}

export const NO_PREVIOUS_BUILD: PreviousBuild = { files: [], hashes: {}, digests: {} };

export function digestOf(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Reads a regular file inside the output folder, never through a link, a FIFO
 * or a device (O_NOFOLLOW, then a check of the opened file), and no bigger
 * than `maxBytes`. Undefined when it is not such a file.
 */
export async function readOutputFile(
  path: string,
  maxBytes = MAX_OUTPUT_BYTES,
): Promise<Buffer | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of `name` in the old folder when they are still what the manifest
 * recorded; undefined when the file is gone, changed (damaged or edited by
 * the user) or was never recorded.
 */
export async function readIntact(
  dir: string,
  name: string,
  previous: PreviousBuild,
): Promise<Buffer | undefined> {
  const recorded = previous.digests[name];
  if (recorded === undefined) return undefined;
  const bytes = await readOutputFile(join(dir, name));
  return bytes !== undefined && digestOf(bytes) === recorded ? bytes : undefined;
}

/** The recorded entries of a manifest that are safe names inside the folder. */
function recordOf(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      ([name, entry]) => isInsideName(name) && typeof entry === "string",
    ),
  );
}

/** A `/`-separated relative name that stays inside the folder. */
export function isInsideName(name: string): boolean {
  if (name === "" || name.includes("\\") || name.includes("\0")) return false;
  const normal = posix.normalize(name);
  return normal === name && !posix.isAbsolute(name) && normal !== ".." && !normal.startsWith("../");
}

/** The previous build of this folder, from its manifest; undefined when the folder is not ours. */
export async function readPreviousBuild(dir: string): Promise<PreviousBuild | undefined> {
  const bytes = await readOutputFile(join(dir, MANIFEST), MAX_MANIFEST_BYTES);
  if (bytes === undefined) return undefined;
  try {
    const manifest = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    if (manifest.generator !== GENERATOR || !Array.isArray(manifest.files)) return undefined;
    return {
      files: manifest.files.filter(
        (file): file is string => typeof file === "string" && isInsideName(file),
      ),
      hashes: recordOf(manifest.hashes),
      digests: recordOf(manifest.digests),
    };
  } catch {
    return undefined;
  }
}

/**
 * Every regular file under `dir`, as `/`-separated names. talkdeck never
 * follows or writes through a link, so a link (or a FIFO, a device) in its
 * folder is refused rather than skipped: it would be lost when the folder is
 * replaced, and someone put it there on purpose.
 */
export async function listOutputFiles(dir: string, prefix = ""): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names: string[] = [];
  for (const entry of entries) {
    const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) names.push(...(await listOutputFiles(dir, name)));
    else if (entry.isFile()) names.push(name);
    else {
      const kind = entry.isSymbolicLink() ? "a symbolic link" : "not a regular file";
      throw new TalkdeckError(
        ErrorCode.OutputUnsafe,
        `${join(dir, name)} is ${kind}; talkdeck never writes through links or into special files`,
        { hint: "remove it, or choose another output folder with -o" },
      );
    }
  }
  return names;
}

/** Every real folder under `dir` (call after listOutputFiles, which refuses links), as `/`-separated names. */
export async function listOutputFolders(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    names.push(name, ...(await listOutputFolders(dir, name)));
  }
  return names;
}

/** Whether `path` exists as itself (a link counts, and is not followed). */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
