import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/run.js";
import { fixture } from "../helpers/fixtures.js";
import { captureIo } from "../helpers/io.js";
import { samplePath, tempDir } from "../helpers/paths.js";

/** Every sample quote on two sizes: 30 cards, enough for the worker pool. */
const FRONT_MATTER =
  "---\ndeck:\n  points: [1]\n  quotes: { auto: 15 }\ncards:\n  sizes: [square, landscape]\n---\n";

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), await readFile(path));
    }
  }
  return files;
}

describe("batches", () => {
  let talk: string;

  beforeAll(async () => {
    const dir = join(await tempDir(), "batch");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dir);
    talk = join(dir, "talk.md");
    await writeFile(talk, FRONT_MATTER + fixture(samplePath));
  });

  it("writes the same bytes whatever --jobs is", async () => {
    const one = await tempDir();
    const two = await tempDir();
    expect(await run(["build", talk, "-o", one, "--jobs", "1", "-q"], captureIo())).toBe(0);
    expect(await run(["build", talk, "-o", two, "--jobs", "2", "-q"], captureIo())).toBe(0);
    const a = await filesOf(join(one, "batch"));
    const b = await filesOf(join(two, "batch"));
    expect([...a.keys()].filter((name) => name.startsWith("cards/"))).toHaveLength(30);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a)
      expect(bytes.equals(b.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  }, 180_000);

  it("splits the cards into shards that together cover the batch exactly once", async () => {
    const first = await tempDir();
    const second = await tempDir();
    expect(await run(["build", talk, "-o", first, "--shard", "1/2", "-q"], captureIo())).toBe(0);
    expect(await run(["build", talk, "-o", second, "--shard", "2/2", "-q"], captureIo())).toBe(0);
    const a = await readdir(join(first, "batch", "cards"));
    const b = await readdir(join(second, "batch", "cards"));
    expect(a.length + b.length).toBe(30);
    expect(new Set([...a, ...b]).size).toBe(30);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(1);
  }, 180_000);

  it("builds many talks in one run and rejects a bad --shard or --jobs", async () => {
    const out = await tempDir();
    const other = join(await tempDir(), "second.md");
    await writeFile(
      other,
      "# Second talk\n\n**A:** One.\n\n**B:** **Two is the number that matters most here.**\n",
    );
    const io = captureIo();
    expect(await run(["build", talk, other, "-o", out, "--jobs", "1"], io)).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["batch", "second"]);
    const bad = captureIo();
    expect(await run(["build", talk, "--shard", "3/2"], bad)).toBe(2);
    expect(bad.err()).toContain("--shard takes i/n");
    expect(await run(["build", talk, "--jobs", "zero"], captureIo())).toBe(2);
  }, 180_000);
});
