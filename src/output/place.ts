import { constants } from "node:fs";
import { copyFile, link, lstat, mkdir, rename, rm, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { BuildFile } from "./files.js";
import { digestOf, type PreviousBuild, readIntact, readOutputFile } from "./previous-build.js";

/** Writes a new file (never through anything already at `path`), making its folder. */
export async function writeInto(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data, { flag: "wx" });
}

/** Filesystems without hard links (FAT, some network shares) get a copy with the same times. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "EXDEV", "ENOSYS"]);

/** Carries a file of the old folder into the new one: same bytes, same mtime. */
export async function linkInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    const info = await lstat(from);
    await copyFile(from, to, constants.COPYFILE_EXCL);
    await utimes(to, info.atime, info.mtime);
  }
}

/**
 * Puts one file into the new folder `work`, from the old folder `dir` when
 * the bytes are the same there (so its mtime says when it really changed).
 * Returns the digest of its bytes, or undefined for a pending file that is
 * not there. `previous` is the folder's manifest as read under the lock.
 */
export async function placeFile(
  file: BuildFile,
  dir: string,
  work: string,
  previous: PreviousBuild,
  present: ReadonlySet<string>,
): Promise<string | undefined> {
  const from = join(dir, file.name);
  const to = join(work, file.name);
  if (file.kind === "kept") {
    if (previous.digests[file.name] !== file.digest) {
      throw new Error(`${from} changed while this build ran (another build?); run the build again`);
    }
    await linkInto(from, to);
    return file.digest;
  }
  if (file.kind === "pending") {
    if (!present.has(file.name)) return undefined;
    if (previous.hashes[file.name] !== file.hash) return undefined;
    if ((await readIntact(dir, file.name, previous)) === undefined) return undefined;
    await linkInto(from, to);
    return previous.digests[file.name];
  }
  if (file.kind === "staged") {
    if (file.path !== to) {
      await mkdir(dirname(to), { recursive: true });
      await rename(file.path, to);
    }
    const same =
      present.has(file.name) &&
      previous.digests[file.name] === file.digest &&
      (await readIntact(dir, file.name, previous)) !== undefined;
    if (same) {
      await rm(to);
      await linkInto(from, to);
    }
    return file.digest;
  }
  const bytes = typeof file.data === "string" ? Buffer.from(file.data) : file.data;
  const old = present.has(file.name) ? await readOutputFile(from) : undefined;
  if (old?.equals(bytes) === true) await linkInto(from, to);
  else await writeInto(to, bytes);
  return digestOf(bytes);
}
