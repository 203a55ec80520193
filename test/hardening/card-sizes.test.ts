import { describe, expect, it } from "vitest";
import { cardsConfigSchema } from "../../src/config/schema.js";
import { isFriendly, runCli, talkWithQuotes, writeTalk } from "./quote-talks.js";

/**
 * Issue 10, item 17: custom card sizes are bounded (`000x000` passed, and
 * `9999x9999` took 1.75 GB a thread), and a size written twice (`[square,
 * square]`, `[square, 1080x1080]`) is an error at the second, instead of
 * duplicate manifest entries.
 */

const quotes = ["We ship small changes every day because they are easy to review."];

async function buildWithSizes(sizes: string) {
  const talk = await writeTalk(talkWithQuotes(quotes, `cards:\n  sizes: ${sizes}`));
  return { ...talk, ...(await runCli(["build", talk.file, "-o", talk.out, "--jobs", "1"])) };
}

describe("custom card sizes", () => {
  for (const [sizes, bad] of [
    ["[square, 000x000]", "000x000"],
    ["[9999x9999]", "9999x9999"],
  ] as const) {
    it(`${sizes}: exits 2 naming the entry, its line, and the bounds`, async () => {
      const result = await buildWithSizes(sizes);
      expect(result.code).toBe(2);
      expect(isFriendly(result.err)).toBe(true);
      const index = sizes.startsWith("[square") ? 1 : 0;
      expect(result.err).toContain(`${result.file}:3: \`cards.sizes[${index}]\``);
      expect(result.err).toContain(bad);
      expect(result.err).toContain("200–4096");
    });
  }

  it("are 200 to 4096 pixels a side", () => {
    const valid = (size: string) => cardsConfigSchema.safeParse({ sizes: [size] }).success;
    for (const size of ["200x200", "4096x4096", "200x4096", "1080x1080", "400x300"])
      expect(valid(size), size).toBe(true);
    for (const size of ["199x1080", "1080x199", "4097x1080", "1080x4097", "0000x0000"])
      expect(valid(size), size).toBe(false);
  });
});

describe("a card size written twice", () => {
  for (const [sizes, first] of [
    ["[square, square]", "square"],
    ["[square, 1080x1080]", "square"],
    ["[landscape, 1080x1350, portrait]", "1080x1350"],
  ] as const) {
    it(`${sizes}: exits 2 naming the second entry and the first`, async () => {
      const result = await buildWithSizes(sizes);
      expect(result.code).toBe(2);
      expect(isFriendly(result.err)).toBe(true);
      const index = sizes.split(",").length - 1;
      expect(result.err).toContain(`${result.file}:3: \`cards.sizes[${index}]\``);
      expect(result.err).toContain(`\`${first}\``);
    });
  }
});
