import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCardFonts } from "../../src/cards/fonts.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";
import { isFriendly, quoteHash, runCli, talkWithQuotes, writeTalk } from "./quote-talks.js";

/**
 * Issue 10, item 18 (and 17: "missing glyph" names where): "no tofu" is
 * checked against the glyphs the fonts really have (their cmaps), not the
 * unicode-ranges they declare. U+FFFD is in a Noto Sans SC piece's declared
 * range but not in its cmap (it drew a box); U+E000 is in no font.
 */

const plain = "We ship small changes every day because they are easy to review.";

/** Builds a talk with the quote, choosing it by its id (or by a fragment, when given). */
async function buildChoosing(quote: string, fragment?: string) {
  const id = `q-${quoteHash(quote).slice(0, 4)}`;
  const talk = await writeTalk(
    talkWithQuotes(
      [plain, quote],
      `deck:\n  quotes: none\ncards:\n  sizes: [square]\n  quotes: [${fragment ?? id}]`,
    ),
  );
  const result = await runCli(["build", talk.file, "-o", talk.out, "--jobs", "1"]);
  return { ...talk, ...result, id };
}

describe("characters no bundled font has a glyph for", () => {
  for (const [name, char] of [
    ["U+FFFD", "\ufffd"],
    ["U+E000", "\ue000"],
  ] as const) {
    it(`${name} in a quote chosen by hand exits 2, naming the quote, the character and the key`, async () => {
      const result = await buildChoosing(
        `The replacement ${char} sign stands in for a lost character.`,
      );
      expect(result.code).toBe(2);
      expect(isFriendly(result.err)).toBe(true);
      expect(result.err).toContain(`(${name})`);
      expect(result.err).toContain(`quote ${result.id}`);
      expect(result.err).toContain(`${result.file}:6: \`cards.quotes[0]\``);
      expect(result.err).toContain("square card (1080×1080)");
    });
  }

  it("are found from the fonts' cmaps, not their declared unicode-ranges", async () => {
    const fonts = await loadCardFonts();
    expect((await fonts.fontsFor("A\ufffdB")).uncovered).toEqual(["\ufffd"]);
    expect((await fonts.fontsFor("\ue000")).uncovered).toEqual(["\ue000"]);
  });
});

describe("ordinary text", () => {
  it("has a glyph for every character of the sample talk's quotes, names and title", async () => {
    const talk = fixtureTalk(samplePath);
    const text = [
      talk.meta.title,
      ...talk.quotes.map((quote) => quote.text),
      ...talk.speakers.flatMap((speaker) => [speaker.name, speaker.title ?? ""]),
    ].join("\n");
    const fonts = await loadCardFonts();
    expect((await fonts.fontsFor(text)).uncovered).toEqual([]);
  });

  it("with emoji, CJK punctuation, rare Han and spaces of every kind builds", async () => {
    const quote =
      "Ship it 🚀 today\u00a0and\u2009then rest 👍🏽 — 「先做再说」，真的，\u3000龘 is rare, “quoted” and ‘too’ 🇯🇵.";
    const result = await buildChoosing(quote, "Ship it");
    expect(result.err).not.toContain("error");
    expect(result.code).toBe(0);
    const [card, ...others] = await readdir(join(result.built, "cards"));
    expect(others).toEqual([]);
    expect(card).toMatch(/^q-[0-9a-f]{4}-square\.png$/);
  });
});
