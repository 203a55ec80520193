import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/output/manifest.js";
import { run } from "../../src/run.js";
import { captureIo } from "../helpers/io.js";
import { tempDir } from "../helpers/paths.js";

/** Four quotes × two sizes: eight cards to share out. */
const TALK = `---
cards:
  quotes: { auto: 4 }
  sizes: [square, landscape]
---
# Shards

**Ada：** **We build tools so that people can think about the problem, not the tool.**

**Bob：** Why?

**Ada：** **The best slide is the one you never had to explain twice.**

**Bob：** And then?

**Ada：** **A card that needs a caption has already lost the reader.**

**Bob：** Really?

**Ada：** **Every talk has one sentence people repeat on the way out.**
`;

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
}

async function build(talk: string, out: string, ...args: string[]): Promise<number> {
  return run(["build", talk, "-o", out, "--jobs", "1", "-q", ...args], captureIo());
}

describe("shards into one folder (issue 10, item 12)", () => {
  it("the second shard leaves a manifest and gallery with every card, in either order", async () => {
    const root = await tempDir();
    const talk = join(root, "shards.md");
    await writeFile(talk, TALK);
    const whole = join(root, "whole");
    expect(await build(talk, whole)).toBe(0);
    const expected = await manifestOf(join(whole, "shards"));
    expect(expected.cards).toHaveLength(8);

    for (const order of [
      ["1/2", "2/2"],
      ["2/2", "1/2"],
    ]) {
      const out = join(root, `sharded-${order.join("-").replaceAll("/", "of")}`);
      const dir = join(out, "shards");
      expect(await build(talk, out, "--shard", order[0] ?? "")).toBe(0);
      expect((await manifestOf(dir)).cards).toHaveLength(4);
      expect(await build(talk, out, "--shard", order[1] ?? "")).toBe(0);
      const merged = await manifestOf(dir);
      expect(merged.cards.map((card) => card.file)).toEqual(
        expected.cards.map((card) => card.file),
      );
      expect((await readdir(join(dir, "cards"))).sort()).toEqual(
        expected.cards.map((card) => card.file.slice("cards/".length)).sort(),
      );
      const gallery = await readFile(join(dir, "index.html"), "utf8");
      for (const card of expected.cards) expect(gallery).toContain(card.file);
      // Same bytes as the unsharded build.
      for (const card of expected.cards) {
        const a = await readFile(join(whole, "shards", card.file));
        expect((await readFile(join(dir, card.file))).equals(a), card.file).toBe(true);
      }
    }
  }, 180_000);

  it("refuses a shard number too large to mean anything", async () => {
    const root = await tempDir();
    const talk = join(root, "shards.md");
    await writeFile(talk, TALK);
    for (const shard of ["99999999999999999999/99999999999999999999", "1/0", "0/1", "2/1"]) {
      const io = captureIo();
      expect(await run(["build", talk, "-o", root, "--shard", shard], io), shard).toBe(2);
      expect(io.err()).toContain("--shard takes i/n");
    }
  });
});
