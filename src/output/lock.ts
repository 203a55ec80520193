import { rmSync } from "node:fs";
import { open, readFile, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { cleanupOnSignal } from "../cleanup.js";
import { ErrorCode, TalkdeckError } from "../errors.js";

/** A lock is held only while a build swaps its folder in (seconds): one this old is left from a crash. */
const STALE_AFTER_MS = 10 * 60_000;
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

/** Whether the lock at `path` was left by a process that is gone (or is too old to trust). */
async function isStale(path: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    if (Date.now() - info.mtimeMs > STALE_AFTER_MS) return true;
    const owner = JSON.parse(text) as Partial<LockOwner>;
    // On another machine (a shared folder) only the age can tell.
    if (owner.host !== hostname() || typeof owner.pid !== "number") return false;
    return !processIsAlive(owner.pid);
  } catch (error) {
    // Gone already, or half-written by a process killed while taking it.
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/**
 * Takes the lock file `path` (created exclusively), waiting while another
 * live build holds it, and taking it over when its owner is gone. Returns
 * the function that releases it.
 */
export async function acquireLock(
  path: string,
  timeoutMs = STALE_AFTER_MS,
): Promise<() => Promise<void>> {
  const started = Date.now();
  const owner: LockOwner = { pid: process.pid, host: hostname() };
  for (;;) {
    try {
      const handle = await open(path, "wx");
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      const forget = cleanupOnSignal(() => rmSync(path, { force: true }));
      return async () => {
        forget();
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await isStale(path)) {
      await rm(path, { force: true });
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
}
