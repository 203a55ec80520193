import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Card rendering loads ~6 MB of fonts and rasterises 1080 px images.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ["test/global-setup.ts"],
    // Each test file's temporary folders go when it ends: a run leaves nothing in /tmp.
    setupFiles: ["test/setup.ts"],
  },
});
