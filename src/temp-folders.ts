import { lstat, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary folder of ours this old was left by a talkdeck that was killed. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Removes this user's folders named `prefix…` in the system's temp folder
 * that are more than a day old: what a killed talkdeck left behind (export
 * folders; card staging folders of earlier versions). Links are not followed.
 */
export async function sweepStaleTempFolders(prefix: string): Promise<void> {
  const root = tmpdir();
  const names = await readdir(root).catch(() => [] as string[]);
  const uid = process.getuid?.();
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix))
      .map(async (name) => {
        const folder = join(root, name);
        const info = await lstat(folder).catch(() => undefined);
        if (info === undefined || !info.isDirectory()) return;
        if (uid !== undefined && info.uid !== uid) return;
        if (Date.now() - info.mtimeMs < STALE_AFTER_MS) return;
        await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      }),
  );
}
