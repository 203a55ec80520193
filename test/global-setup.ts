import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/**
 * The card workers, marp-cli's engine and the CLI's child processes run the
 * compiled dist/: it is brought up to date with the source first (tsc is
 * incremental, a few seconds when nothing changed), so `npx vitest run`
 * after an edit tests the edit, not the last build.
 */
function compile(): void {
  const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], {
    cwd: root,
    stdio: "inherit",
    timeout: 300_000,
  });
}

/** Build stamps go to a folder of this run's own, not the user's ~/.cache, and it goes when the run ends. */
export default function setup(): () => void {
  compile();
  const cache = mkdtempSync(join(tmpdir(), "talkdeck-test-cache-"));
  process.env.TALKDECK_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
