import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Card rendering loads ~6 MB of fonts and rasterises 1080 px images.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Build stamps go to a folder of this run's own, not the user's ~/.cache.
    env: { TALKDECK_CACHE_DIR: mkdtempSync(join(tmpdir(), "talkdeck-test-cache-")) },
  },
});
