import { createHash, randomBytes } from "node:crypto";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { processIsAlive } from "./lock.js";
import { exists, MANIFEST } from "./previous-build.js";

/** Folders of another machine (a shared drive) are only swept once this old. */
const DAY_MS = 24 * 60 * 60_000;

/** Names this machine's folders, so a build on another machine sharing the drive is not taken for dead. */
const HOST_TAG = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);

/**
 * The hidden names beside an output folder `out/talk`: its lock, the new
 * folder a build makes (`.talk.talkdeck-new-<host>-<pid>-<random>`) and the
 * old folder it swaps out. The owner in the name tells a dead build's
 * leftovers from a live one's.
 */
export function siblingNames(dir: string): { lock: string; work: string; trash: string } {
  const root = dirname(dir);
  const base = basename(dir);
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
}

/** Leftovers of builds that are no longer running. */
async function deadLeftovers(dir: string): Promise<Leftover[]> {
  const root = dirname(dir);
  const pattern = new RegExp(
    `^\\.${basename(dir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.talkdeck-(new|old)-([0-9a-f]{8})-(\\d+)-[0-9a-f]+$`,
  );
  const leftovers: Leftover[] = [];
  for (const name of await readdir(root).catch(() => [])) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const path = join(root, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) continue;
    const dead =
      match[2] === HOST_TAG
        ? !processIsAlive(Number(match[3]))
        : Date.now() - info.mtimeMs > DAY_MS;
    if (dead) leftovers.push({ path, kind: match[1] as "new" | "old", mtimeMs: info.mtimeMs });
  }
  return leftovers;
}

/**
 * Repairs what a build killed mid-way left (call it holding the lock): when
 * the output folder is missing between the two renames of a swap, the new
 * folder goes in if it was finished (it has its manifest), else the old one
 * goes back; then every dead build's folder is removed.
 */
export async function recoverFolder(dir: string, own?: string): Promise<void> {
  const leftovers = (await deadLeftovers(dir)).filter((leftover) => leftover.path !== own);
  if (leftovers.length === 0) return;
  if (!(await exists(dir))) {
    const newest = (kind: Leftover["kind"]) =>
      leftovers.filter((leftover) => leftover.kind === kind).sort((a, b) => b.mtimeMs - a.mtimeMs);
    const finished = [];
    for (const leftover of newest("new")) {
      if (await exists(join(leftover.path, MANIFEST))) finished.push(leftover);
    }
    const restore = finished[0] ?? newest("old")[0];
    if (restore !== undefined) await rename(restore.path, dir);
  }
  for (const leftover of leftovers) {
    await rm(leftover.path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Card staging folders of earlier talkdeck versions lived in the temp folder. */
export async function sweepOldStaging(): Promise<void> {
  const temp = tmpdir();
  for (const name of await readdir(temp).catch(() => [])) {
    if (!name.startsWith("talkdeck-staging-")) continue;
    const path = join(temp, name);
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > DAY_MS) {
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
