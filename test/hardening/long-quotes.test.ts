import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/output/manifest.js";
import { isFriendly, quoteHash, runCli, talkWithQuotes, writeTalk } from "./quote-talks.js";

/**
 * Issue 10, item 11 (and 17: "quote does not fit" names where): a quote too
 * long for the cards is never chosen automatically, and one chosen by hand
 * fails before any drawing, naming the quote, the front-matter key and line,
 * and the size.
 */

const WORDS = "teams ship small careful changes every single day with tests and reviews".split(" ");

/** One bold run of `count` words with no sentence end inside, written to rank first. */
function longRun(count: number): string {
  const words = Array.from({ length: count }, (_, n) => WORDS[n % WORDS.length]).join(" ");
  return `Don't treat it like a race, but I never stop shipping: ${words} and that is the 1 rule that always works.`;
}

const shortQuotes = [
  "We ship small changes every day because they are easy to review.",
  "Small teams move faster than big plans ever could on their own.",
];

async function manifestOf(built: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(built, "manifest.json"), "utf8")) as Manifest;
}

describe("a very long bold run", () => {
  const long = longRun(1_000);
  const longId = `q-${quoteHash(long).slice(0, 4)}`;

  /** Rank of the long run among the candidates (1-based: automatic selection of that many would reach it), and their count. */
  async function rankOfLong(file: string): Promise<{ rank: number; total: number }> {
    const listing = await runCli(["quotes", file, "--json"]);
    expect(listing.code).toBe(0);
    const ids = (JSON.parse(listing.out) as Array<{ id: string }>).map((quote) => quote.id);
    return { rank: ids.indexOf(longId) + 1, total: ids.length };
  }

  it("is a candidate (the premise of the next tests)", async () => {
    const { file } = await writeTalk(
      talkWithQuotes([shortQuotes[0] ?? "", long, shortQuotes[1] ?? ""]),
    );
    expect((await rankOfLong(file)).rank).toBeGreaterThan(0);
  });

  it("is skipped by automatic selection, with a note, and the build succeeds", async () => {
    const quotes = [shortQuotes[0] ?? "", long, shortQuotes[1] ?? ""];
    const probe = await writeTalk(talkWithQuotes(quotes));
    // As many as reach down to the long run: without the skip it would be among them.
    const { rank: count, total } = await rankOfLong(probe.file);
    const { file, out, built } = await writeTalk(
      talkWithQuotes(
        quotes,
        `deck:\n  quotes: { auto: ${count} }\ncards:\n  sizes: [square, landscape]`,
      ),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1", "-q"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const manifest = await manifestOf(built);
    expect(manifest.cards.map((card) => card.quoteId)).not.toContain(longId);
    // Two sizes of each quote chosen: `count` of them, the long run's place taken by the next if any.
    expect(manifest.cards).toHaveLength(2 * Math.min(count, total - 1));

    const noisy = await runCli(["build", file, "-o", out, "--jobs", "1", "-f"]);
    expect(noisy.code).toBe(0);
    expect(noisy.err).toContain(`quote ${longId}`);
    expect(noisy.err).toContain("1,0");
    expect(noisy.err).toContain("not chosen automatically");
  });

  it("chosen by hand fails before drawing, naming the quote, the key and line, and the size", async () => {
    const { file, out } = await writeTalk(
      talkWithQuotes(
        [shortQuotes[0] ?? "", long],
        `deck:\n  quotes: none\ncards:\n  sizes: [square]\n  quotes:\n    - ${longId}`,
      ),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${file}:7: \`cards.quotes[0]\`: quote ${longId}`);
    expect(result.err).toContain("square card (1080×1080)");
    expect(result.err).toContain("1,0");
  });

  it("chosen by hand for the deck, whose quotes the cards draw, names the deck's key", async () => {
    const { file, out } = await writeTalk(
      talkWithQuotes(
        [shortQuotes[0] ?? "", long],
        `deck:\n  quotes: [Don't treat it like a race]\ncards:\n  sizes: [landscape]`,
      ),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${file}:3: \`deck.quotes[0]\`: quote ${longId}`);
    expect(result.err).toContain("landscape card (1200×675)");
  });
});

describe("a quote that might fit but does not", () => {
  // Too long for a square card once measured, though not by the estimate.
  const medium = longRun(150);
  const mediumId = `q-${quoteHash(medium).slice(0, 4)}`;

  it("chosen by hand names the quote, the size, and the front-matter key and line", async () => {
    const { file, out } = await writeTalk(
      talkWithQuotes(
        [shortQuotes[0] ?? "", medium],
        `deck:\n  quotes: none\ncards:\n  sizes: [square]\n  quotes: [${mediumId}]`,
      ),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${file}:6: \`cards.quotes[0]\`: quote ${mediumId}`);
    expect(result.err).toContain("square card (1080×1080)");
  });
});
