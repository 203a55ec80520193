import { existsSync, renameSync, rmSync } from "node:fs";
import { chmod, lstat, mkdir, realpath, rename, rm, rmdir, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { cleanupOnSignal } from "../cleanup.js";
import { ErrorCode, TalkdeckError, writeFailed } from "../errors.js";
import { sweepStaleTempFolders } from "../temp-folders.js";
import type { BuildFile, OutputFile, StagedFile } from "./files.js";
import { acquireLock } from "./lock.js";
import { makeFolders } from "./make-folders.js";
import { linkInto, placeFile, writeInto } from "./place.js";
import {
  digestOf,
  isInsideName,
  listOutputFiles,
  listOutputFolders,
  MANIFEST,
  NO_PREVIOUS_BUILD,
  type PreviousBuild,
  readIntact,
  readPreviousBuild,
} from "./previous-build.js";
import { recoverFolder, siblingNames } from "./recover.js";

export type { BuildFile, KeptFile, OutputFile, PendingFile, StagedFile } from "./files.js";
export { GENERATOR, MANIFEST, type PreviousBuild } from "./previous-build.js";

/** What a build wrote, for the last files (gallery, manifest) that list it. */
export interface WrittenFiles {
  /** Every file in the new folder, in the order given, pending files that were not there left out. */
  names: string[];
  /** The SHA-256 of each one's bytes. */
  digests: Record<string, string>;
}

function unsafeName(name: string): TalkdeckError {
  return new TalkdeckError(
    ErrorCode.OutputUnsafe,
    `refusing to write outside the output folder: ${name}`,
  );
}

function outputWriteFailed(dir: string, error: unknown): TalkdeckError {
  return writeFailed(
    error,
    dir,
    "the previous output is as it was; free some space or fix the folder, then build again",
  );
}

/**
 * Makes the folder that holds the output folder; returns its real path and
 * the first folder it had to make, so a failed first build can leave no trace.
 */
async function prepareRoot(dir: string): Promise<{ root: string; created: string | undefined }> {
  const root = dirname(resolve(dir));
  try {
    const created = await makeFolders(root);
    return { root: await realpath(root), created };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") {
      throw new TalkdeckError(ErrorCode.OutputUnsafe, `${root} is a file, not a folder`, {
        hint: "give -o (or `output:`) a folder",
      });
    }
    throw outputWriteFailed(root, error);
  }
}

/**
 * A talkdeck output folder being rebuilt. The new output is made in a hidden
 * folder beside it (cards are drawn straight into it); `commit` then takes
 * the folder's lock, carries over what the previous build made and is
 * unchanged (hard links: same bytes, same mtime) and any file of the user's,
 * and swaps the new folder in with two renames. A failure or a kill at any
 * point leaves the previous output (or, between the two renames, none: the
 * next run puts it back), never a mix; a later run always repairs.
 */
export class OutputFolder {
  /** The output folder, its parent's links resolved. */
  readonly dir: string;
  /** What the previous build made, as it was when the build began. */
  readonly previous: PreviousBuild;
  readonly #work: string;
  readonly #lock: string;
  readonly #protected: readonly string[];
  readonly #forget: () => void;
  /** The first folder above the output that this build made, if any. */
  readonly #created: string | undefined;
  /** Where the old folder is while the swap runs. */
  #trash: string | undefined;

  private constructor(
    dir: string,
    previous: PreviousBuild,
    protectedFiles: readonly string[],
    created: string | undefined,
  ) {
    this.dir = dir;
    this.#created = created;
    this.previous = previous;
    this.#protected = protectedFiles;
    const names = siblingNames(dir);
    this.#work = names.work;
    this.#lock = names.lock;
    this.#forget = cleanupOnSignal(() => this.#interrupted());
  }

  /**
   * Ctrl-C or `kill`: the new folder goes; caught between the swap's two
   * renames, the old folder goes back first.
   */
  #interrupted(): void {
    if (this.#trash !== undefined && !existsSync(this.dir) && existsSync(this.#trash)) {
      renameSync(this.#trash, this.dir);
    }
    rmSync(this.#work, { recursive: true, force: true });
  }

  /**
   * Opens `dir` for a new build: refuses a folder that is not talkdeck's (or
   * holds a link, or the talk itself) before anything is rendered.
   */
  static async open(dir: string, protectedFiles: readonly string[]): Promise<OutputFolder> {
    // Card staging folders of earlier talkdeck versions lived in the temp folder: swept meanwhile.
    const swept = sweepStaleTempFolders("talkdeck-staging-");
    try {
      return await OutputFolder.#open(dir, protectedFiles);
    } finally {
      await swept;
    }
  }

  static async #open(dir: string, protectedFiles: readonly string[]): Promise<OutputFolder> {
    const { root, created } = await prepareRoot(dir);
    const real = join(root, relative(dirname(resolve(dir)), resolve(dir)));
    let previous: PreviousBuild;
    const release = await acquireLock(siblingNames(real).lock).catch((error: unknown) => {
      throw outputWriteFailed(root, error);
    });
    try {
      await recoverFolder(real);
      ({ previous } = await checkFolder(real, protectedFiles));
      await refuseMountPoint(real);
    } finally {
      await release();
    }
    const folder = new OutputFolder(real, previous, protectedFiles, created);
    try {
      await mkdir(folder.#work);
    } catch (error) {
      await folder.discard();
      throw outputWriteFailed(root, error);
    }
    return folder;
  }

  /** Writes a file into the new folder now (a drawn card), to be committed with the rest. */
  async put(name: string, data: Buffer): Promise<StagedFile> {
    if (!isInsideName(name)) throw unsafeName(name);
    const path = join(this.#work, name);
    try {
      await writeInto(path, data);
    } catch (error) {
      throw outputWriteFailed(this.dir, error);
    }
    return { kind: "staged", name, path, digest: digestOf(data) };
  }

  /**
   * Puts `files` into the new folder, then the files `finish` makes from the
   * list (the gallery, the manifest: it goes last), and swaps the folder in.
   */
  async commit(
    files: readonly BuildFile[],
    finish: (written: WrittenFiles) => Promise<OutputFile[]>,
  ): Promise<WrittenFiles> {
    for (const file of files) if (!isInsideName(file.name)) throw unsafeName(file.name);
    const release = await acquireLock(this.#lock).catch(async (error: unknown) => {
      await this.discard();
      throw outputWriteFailed(this.dir, error);
    });
    let written: WrittenFiles;
    try {
      written = await this.#assemble(files, finish);
      await this.#swap();
    } catch (error) {
      await release();
      await this.discard();
      throw outputWriteFailed(this.dir, error);
    }
    await release();
    return written;
  }

  /** Fills the new folder: this build's files, then `finish`'s, then what is carried over. */
  async #assemble(
    toPlace: readonly BuildFile[],
    finish: (written: WrittenFiles) => Promise<OutputFile[]>,
  ): Promise<WrittenFiles> {
    await recoverFolder(this.dir, this.#work);
    // Read again under the lock: another build (another shard) may have committed since.
    const { previous: current, files } = await checkFolder(this.dir, this.#protected);
    const present = new Set(files);
    const written: WrittenFiles = { names: [], digests: {} };
    const place = async (file: BuildFile) => {
      const digest = await placeFile(file, this.dir, this.#work, current, present);
      if (digest === undefined) return;
      written.names.push(file.name);
      written.digests[file.name] = digest;
    };
    for (const file of toPlace) await place(file);
    const last = await finish(written);
    for (const file of last) if (!isInsideName(file.name)) throw unsafeName(file.name);
    await this.#carryOver(
      current,
      present,
      new Set([...written.names, ...last.map((f) => f.name)]),
    );
    // The manifest goes in last: a new folder that has one is finished (see recoverFolder).
    for (const file of last) await place(file);
    return written;
  }

  /**
   * Files of the old folder that are not this build's to replace: the user's
   * own, and outputs of ours the user edited (their bytes no longer match the
   * manifest) that this build no longer makes. What the previous build made
   * and this one does not is left behind with the old folder.
   */
  async #carryOver(
    current: PreviousBuild,
    present: ReadonlySet<string>,
    made: ReadonlySet<string>,
  ): Promise<void> {
    const ours = new Set(current.files);
    const old = await stat(this.dir).catch(() => undefined);
    // The folder's own mode (a private folder stays private) and its empty folders.
    if (old !== undefined) await chmod(this.#work, old.mode & 0o7777);
    for (const folder of await listOutputFolders(this.dir)) {
      const info = await stat(join(this.dir, folder));
      await mkdir(join(this.#work, folder), { recursive: true });
      await chmod(join(this.#work, folder), info.mode & 0o7777);
    }
    for (const name of present) {
      if (name === MANIFEST || made.has(name)) continue;
      // Ours to drop only when its bytes are what the manifest recorded.
      if (ours.has(name) && (await readIntact(this.dir, name, current)) !== undefined) continue;
      await linkInto(join(this.dir, name), join(this.#work, name));
    }
  }

  async #swap(): Promise<void> {
    const { trash } = siblingNames(this.dir);
    this.#trash = trash;
    let moved = false;
    try {
      await rename(this.dir, trash);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    try {
      await rename(this.#work, this.dir);
    } catch (error) {
      if (moved) await rename(trash, this.dir);
      throw error;
    }
    this.#forget();
    // Best effort: a trash folder left here is swept by the next build.
    await rm(trash, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Drops the new folder: the previous output stays as it was. */
  async discard(): Promise<void> {
    this.#forget();
    await rm(this.#work, { recursive: true, force: true }).catch(() => undefined);
    // Folders this build made for nothing go too, while they are empty.
    if (this.#created === undefined) return;
    for (let dir = dirname(this.dir); dir.startsWith(this.#created); dir = dirname(dir)) {
      if (
        !(await rmdir(dir).then(
          () => true,
          () => false,
        ))
      )
        break;
    }
  }
}

/**
 * The output folder is replaced as a whole, which a mount point cannot be
 * (a Docker volume on `out/talk`): say so before rendering, not at the swap.
 */
async function refuseMountPoint(dir: string): Promise<void> {
  const [self, parent] = await Promise.all([
    stat(dir).catch(() => undefined),
    stat(dirname(dir)).catch(() => undefined),
  ]);
  if (self === undefined || parent === undefined || self.dev === parent.dev) return;
  throw new TalkdeckError(
    ErrorCode.OutputUnsafe,
    `the output folder ${dir} is a mount point; talkdeck replaces its output folder as a whole`,
    { hint: "mount the folder above it instead (the output root), or give -o a folder inside it" },
  );
}

/**
 * The folder must be new, empty or talkdeck's own (it has our manifest), so
 * no user file is ever overwritten, and it must not hold the talk itself.
 * Returns what the previous build made and every file now in the folder.
 */
async function checkFolder(
  dir: string,
  protectedFiles: readonly string[],
): Promise<{ previous: PreviousBuild; files: string[] }> {
  const info = await lstat(dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) {
    throw new TalkdeckError(
      ErrorCode.OutputUnsafe,
      `the output folder ${dir} is ${info.isSymbolicLink() ? "a symbolic link" : "not a folder"}; talkdeck writes only into a real folder of its own`,
      { hint: "remove it, or choose another output folder with -o" },
    );
  }
  for (const file of protectedFiles) {
    const inside = relative(dir, await realpath(file).catch(() => resolve(file)));
    if (!inside.startsWith("..") && !isAbsolute(inside)) {
      throw new TalkdeckError(
        ErrorCode.OutputUnsafe,
        `the output folder ${dir} holds the source file ${file}`,
        { hint: "choose another output folder with -o" },
      );
    }
  }
  const previous = await readPreviousBuild(dir);
  const files = await listOutputFiles(dir);
  if (previous === undefined && files.length > 0) {
    throw new TalkdeckError(
      ErrorCode.OutputUnsafe,
      `the output folder ${dir} has files talkdeck did not make`,
      { hint: "choose another folder with -o, or empty this one" },
    );
  }
  return { previous: previous ?? NO_PREVIOUS_BUILD, files };
}

/** Writes a build's files into `dir` as one step (see OutputFolder). */
export async function writeOutputs(
  dir: string,
  files: readonly OutputFile[],
  protectedFiles: readonly string[],
): Promise<void> {
  for (const file of files) if (!isInsideName(file.name)) throw unsafeName(file.name);
  const folder = await OutputFolder.open(dir, protectedFiles);
  const last = files.filter((file) => file.name === MANIFEST);
  await folder.commit(
    files.filter((file) => file.name !== MANIFEST),
    async () => last,
  );
}
