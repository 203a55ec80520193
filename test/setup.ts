import { rm } from "node:fs/promises";
import { afterAll } from "vitest";
import { madeTempDirs } from "./helpers/paths.js";

// Registered before any test file's hooks, so it runs after them all (a tmpfs is unmounted by then).
afterAll(async () => {
  const dirs = madeTempDirs.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }).catch(() => {})));
});
