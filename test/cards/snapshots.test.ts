import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CardRenderer } from "../../src/cards/render.js";
import type { Quote, Talk } from "../../src/talk/model.js";
import { readingLength } from "../../src/talk/text.js";
import { cardRenderer, cardRequest, presets, quoteStarting } from "../helpers/cards.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { repoRoot, samplePath } from "../helpers/paths.js";

const snapshotDir = join(repoRoot, "test", "snapshots", "cards");
/** Snapshots are drawn at half size: enough to see layout, type and colour, small to keep. */
const SCALE = 0.5;
/** pixelmatch's per-pixel colour threshold, and the share of pixels allowed to differ. */
const THRESHOLD = 0.1;
const MAX_DIFF_SHARE = 0.003;
/** The preset snapshots show a source line; the others show the sample's long title leaving it out. */
const EVENT = "OpenAI DevDay 2024";

let renderer: CardRenderer;
let talk: Talk;

beforeAll(async () => {
  renderer = await cardRenderer();
  talk = fixtureTalk(samplePath);
});

/** Compares with the committed PNG; UPDATE_SNAPSHOTS=1 rewrites it, and a missing one is written outside CI. */
function expectSnapshot(png: Buffer, name: string): void {
  mkdirSync(snapshotDir, { recursive: true });
  const file = join(snapshotDir, `${name}.png`);
  if (process.env.UPDATE_SNAPSHOTS === "1" || (!existsSync(file) && process.env.CI !== "true")) {
    writeFileSync(file, png);
  }
  const expected = PNG.sync.read(readFileSync(file));
  const actual = PNG.sync.read(png);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const differing = pixelmatch(expected.data, actual.data, undefined, actual.width, actual.height, {
    threshold: THRESHOLD,
  });
  expect(differing / (actual.width * actual.height), name).toBeLessThanOrEqual(MAX_DIFF_SHARE);
}

function longestQuote(): Quote {
  return [...talk.quotes].sort((a, b) => readingLength(b.text) - readingLength(a.text))[0] as Quote;
}

describe("card snapshots", () => {
  for (const preset of presets) {
    it(`${preset}: classic, dark, with the event as the source line`, async () => {
      const request = cardRequest(talk, quoteStarting(talk, "弄清楚那个边界"), { size: preset });
      const card = await renderer.render({ ...request, event: EVENT }, { scale: SCALE });
      expectSnapshot(card.png, `boundary-${preset}-classic-midnight`);
    });
  }

  it("square: classic, light", async () => {
    const request = cardRequest(talk, quoteStarting(talk, "弄清楚那个边界"), { theme: "paper" });
    expectSnapshot(
      (await renderer.render(request, { scale: SCALE })).png,
      "boundary-square-classic-paper",
    );
  });

  for (const theme of ["midnight", "paper"]) {
    it(`square: statement, ${theme}`, async () => {
      const request = cardRequest(talk, quoteStarting(talk, "做科学允许的事情"), {
        layout: "statement",
        theme,
      });
      expectSnapshot(
        (await renderer.render(request, { scale: SCALE })).png,
        `science-square-statement-${theme}`,
      );
    });
  }

  it("portrait: English with emoji", async () => {
    const quote: Quote = {
      ...quoteStarting(talk, "弄清楚那个边界"),
      id: "q-emoji",
      text: "Ship it 🚀 — we learned more from users in a week than in a year of planning. 🎉👍🏽",
    };
    const request = cardRequest(talk, quote, { size: "portrait", theme: "paper", lang: "en" });
    expectSnapshot(
      (await renderer.render(request, { scale: SCALE })).png,
      "emoji-portrait-classic-paper",
    );
  });

  for (const preset of ["landscape", "story"]) {
    it(`${preset}: the longest sample quote fits`, async () => {
      const request = cardRequest(talk, longestQuote(), { size: preset });
      expectSnapshot(
        (await renderer.render(request, { scale: SCALE })).png,
        `longest-${preset}-classic-midnight`,
      );
    });
  }
});
