import { randomBytes } from "node:crypto";
import { lstatSync, rmSync } from "node:fs";
import { link, lstat, readdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { cleanupOnSignal } from "../cleanup.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { readOutputFile } from "./previous-build.js";

/**
 * A lock is held only while a build swaps its folder in (seconds, a minute
 * for a huge batch): one this old is left from a crash, even on another
 * machine sharing the folder, where the owner's process cannot be asked.
 */
const STALE_AFTER_MS = 3 * 60_000;
/** A lock we cannot read is only taken for a crash's once it is this old (it is never written empty). */
const UNREADABLE_GRACE_MS = 5_000;
const POLL_MS = 100;

interface LockOwner {
  pid: number;
  host: string;
}

/** Whether a process of this machine is running (a lock or folder of a dead build can go). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockRefused(path: string, what: string): TalkdeckError {
  return new TalkdeckError(ErrorCode.OutputUnsafe, `the lock ${path} is ${what}`, {
    hint: "remove it: talkdeck makes it as an ordinary file while a build swaps its output in",
  });
}

/**
 * The inode of the lock at `path` when it was left by a build that is gone
 * (or is too old to trust); undefined while its owner may still hold it.
 */
async function staleLock(path: string): Promise<number | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (info === undefined) return undefined;
  if (info.isSymbolicLink()) throw lockRefused(path, "a symbolic link");
  if (!info.isFile()) throw lockRefused(path, "not an ordinary file");
  const age = Date.now() - info.mtimeMs;
  if (age > STALE_AFTER_MS) return info.ino;
  return (await writerGone(path, age)) ? info.ino : undefined;
}

/**
 * Whether the build that wrote the lock (or lock draft) at `path`, `ageMs`
 * old, is gone: its process on this machine is not running, or the file
 * cannot be read and is older than a few seconds (it is never written empty).
 */
async function writerGone(path: string, ageMs: number): Promise<boolean> {
  const bytes = await readOutputFile(path, 4096);
  let owner: Partial<LockOwner> | undefined;
  try {
    owner = JSON.parse(bytes?.toString("utf8") ?? "") as Partial<LockOwner>;
  } catch {
    owner = undefined;
  }
  if (typeof owner?.pid !== "number") return ageMs > UNREADABLE_GRACE_MS;
  // On another machine (a shared folder) only the age can tell.
  if (owner.host !== hostname()) return false;
  return !processIsAlive(owner.pid);
}

/**
 * Takes a stale lock away: renamed to a name of our own first, so that of
 * two builds that found it stale only one removes it, and checked to be the
 * very file found stale (not a lock another build has just taken).
 */
async function breakLock(path: string, staleInode: number): Promise<void> {
  const aside = `${path}.stale-${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await lstat(aside).catch(() => undefined);
  if (moved !== undefined && moved.ino !== staleInode) {
    // A live build's lock: put it back (unless yet another took the name meanwhile).
    await link(aside, path).catch(() => undefined);
  }
  await rm(aside, { force: true });
}

/** Filesystems without hard links (FAT, some shares) get the lock created in place. */
async function linkOrCreate(draft: string, path: string, owner: LockOwner): Promise<void> {
  try {
    await link(draft, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(code)) throw error;
    await writeFile(path, JSON.stringify(owner), { flag: "wx" });
  }
}

/**
 * Removes the drafts of `path` (`path.PID-XXXXXXXX`) that builds killed
 * before they could remove them left behind: a draft whose process on this
 * machine is gone, or that is unreadable and older than a few seconds. A
 * SIGKILL cannot be caught, so it is the next build that tidies.
 */
async function sweepDeadDrafts(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+-[0-9a-f]{8}$/.test(name.slice(prefix.length))) continue;
    const draft = join(dirname(path), name);
    const info = await lstat(draft).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    const gone = await writerGone(draft, Date.now() - info.mtimeMs).catch(() => false);
    if (gone) await rm(draft, { force: true });
  }
}

/**
 * Takes the lock file `path`, waiting while another live build holds it, and
 * taking it over when its owner is gone. The lock appears whole or not at
 * all (written aside, then hard-linked into place, which fails if it exists).
 * Returns the function that releases it, which removes only our own lock.
 */
export async function acquireLock(
  path: string,
  timeoutMs = STALE_AFTER_MS,
): Promise<() => Promise<void>> {
  const started = Date.now();
  const owner: LockOwner = { pid: process.pid, host: hostname() };
  const draft = `${path}.${process.pid}-${randomBytes(4).toString("hex")}`;
  await sweepDeadDrafts(path);
  await writeFile(draft, JSON.stringify(owner), { flag: "wx" });
  const forgetDraft = cleanupOnSignal(() => rmSync(draft, { force: true }));
  try {
    for (;;) {
      try {
        await linkOrCreate(draft, path, owner);
        const { ino } = await lstat(path);
        const forget = cleanupOnSignal(() => {
          if (lstatSync(path, { throwIfNoEntry: false })?.ino === ino)
            rmSync(path, { force: true });
        });
        return async () => {
          forget();
          const current = await lstat(path).catch(() => undefined);
          if (current?.ino === ino) await unlink(path).catch(() => undefined);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const stale = await staleLock(path);
      if (stale !== undefined) {
        await breakLock(path, stale);
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new TalkdeckError(
          ErrorCode.OutputBusy,
          `another talkdeck build is writing this output folder (lock ${path})`,
          { hint: "wait for it to finish; if no build is running, delete the lock file" },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    forgetDraft();
    await unlink(draft).catch(() => undefined);
  }
}
