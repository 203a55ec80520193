import { createHash, randomBytes } from "node:crypto";
import { lstat, readdir, rename, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { processIsAlive } from "./lock.js";
import { exists, MANIFEST } from "./previous-build.js";

/** Folders of another machine (a shared drive) are only swept once this old. */
const DAY_MS = 24 * 60 * 60_000;

/** Names this machine's folders, so a build on another machine sharing the drive is not taken for dead. */
const HOST_TAG = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);

/** Long talk names are shortened in the hidden names, which add ~40 characters (255 is the limit). */
function shortBase(dir: string): string {
  const base = basename(dir);
  if (base.length <= 120) return base;
  return `${base.slice(0, 80)}-${createHash("sha256").update(base).digest("hex").slice(0, 12)}`;
}

/**
 * The hidden names beside an output folder `out/talk`: its lock, the new
 * folder a build makes (`.talk.talkdeck-new-<host>-<pid>-<random>`) and the
 * old folder it swaps out. The owner in the name tells a dead build's
 * leftovers from a live one's.
 */
export function siblingNames(dir: string): { lock: string; work: string; trash: string } {
  const root = dirname(dir);
  const base = shortBase(dir);
  const owner = () => `${HOST_TAG}-${process.pid}-${randomBytes(4).toString("hex")}`;
  return {
    lock: join(root, `.${base}.talkdeck-lock`),
    work: join(root, `.${base}.talkdeck-new-${owner()}`),
    trash: join(root, `.${base}.talkdeck-old-${owner()}`),
  };
}

interface Leftover {
  path: string;
  kind: "new" | "old";
  mtimeMs: number;
  /** A real folder (a link with a leftover's name is only ever removed). */
  folder: boolean;
  /** Its build is gone: this machine's and its process has ended, or another's and a day old. */
  dead: boolean;
}

/** The hidden folders builds of this output folder made beside it. */
async function leftovers(dir: string): Promise<Leftover[]> {
  const root = dirname(dir);
  const pattern = new RegExp(
    `^\\.${shortBase(dir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.talkdeck-(new|old)-([0-9a-f]{8})-(\\d+)-[0-9a-f]+$`,
  );
  const found: Leftover[] = [];
  for (const name of await readdir(root).catch(() => [])) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const path = join(root, name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined) continue;
    const dead =
      match[2] === HOST_TAG
        ? !processIsAlive(Number(match[3]))
        : Date.now() - info.mtimeMs > DAY_MS;
    found.push({
      path,
      kind: match[1] as "new" | "old",
      mtimeMs: info.mtimeMs,
      folder: info.isDirectory(),
      dead,
    });
  }
  return found;
}

/**
 * Repairs what a build killed mid-way left. Call it holding the lock: the
 * swap's renames happen only under the lock, so whatever their owner, an old
 * folder and a finished new one (its manifest is written last) belong to no
 * running build. When the output folder is missing between the two renames,
 * the finished new folder goes in, else the old one goes back; then the old
 * folders, and the new folders of builds that are gone, are removed.
 */
export async function recoverFolder(dir: string, own?: string): Promise<void> {
  const found = (await leftovers(dir)).filter((leftover) => leftover.path !== own);
  if (found.length === 0) return;
  if (!(await exists(dir))) {
    const newest = (kind: Leftover["kind"]) =>
      found
        .filter((leftover) => leftover.kind === kind && leftover.folder)
        .sort((a, b) => b.mtimeMs - a.mtimeMs);
    let restore = newest("old")[0];
    for (const leftover of newest("new")) {
      if (await exists(join(leftover.path, MANIFEST))) {
        restore = leftover;
        break;
      }
    }
    if (restore !== undefined) await rename(restore.path, dir);
  }
  for (const leftover of found) {
    if (leftover.kind === "old" || leftover.dead || !leftover.folder) {
      await rm(leftover.path, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
