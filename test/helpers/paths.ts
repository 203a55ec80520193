import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A talk the tests read: a file name in test/fixtures/talks/, or a whole path (`examplePath`). */
export function fixturePath(name: string): string {
  return resolve(repoRoot, "test", "fixtures", "talks", name);
}

/** The real sample talk (shared/samples/devday-2024-fireside.zh.md), committed so a clone tests on its own. */
export const samplePath = fixturePath("devday-2024-fireside.zh.md");
/** The bundled example: the sample with a front matter. */
export const examplePath = join(repoRoot, "examples", "devday-2024", "talk.md");

/** Folders made by `tempDir` in this test file: removed after it (test/setup.ts). */
export const madeTempDirs: string[] = [];

export async function tempDir(prefix = "talkdeck-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  madeTempDirs.push(dir);
  return dir;
}
