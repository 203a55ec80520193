import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Build stamps go to a folder of this run's own, not the user's ~/.cache, and it goes when the run ends. */
export default function setup(): () => void {
  const cache = mkdtempSync(join(tmpdir(), "talkdeck-test-cache-"));
  process.env.TALKDECK_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
