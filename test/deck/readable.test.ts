import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTalk } from "../../src/build.js";
import { MIN_TEXT } from "../../src/deck/type-scale.js";
import { browserPath, skipBrowserTests, skipReason } from "../helpers/browser.js";
import { examplePath, fixturePath, repoRoot, tempDir } from "../helpers/paths.js";
import { badLineStarts, openDeck, slideReports, textBlocks } from "./slide-checks.js";

/** Two real write-ups of the corpus beside the project (third-party texts, read in place, never copied). */
const corpusCases = join(repoRoot, "..", "shared", "corpus", "cases");
const CORPUS = ["01-zh-ai-pm-weil-krieger.md", "16-en-ted-de-botton-success.md"].map((name) =>
  join(corpusCases, name),
);
const haveCorpus = CORPUS.every((file) => existsSync(file));

const DECKS: Array<{ name: string; file: string; skip: boolean }> = [
  { name: "the example", file: examplePath, skip: false },
  // Quotes chosen by hand that are too long for one slide: they go on over more.
  { name: "long quotes", file: fixturePath("long-quotes.md"), skip: false },
  ...CORPUS.map((file) => ({
    name: file.split("/").pop() ?? file,
    file,
    skip: !haveCorpus,
  })),
];

/** Builds a talk's deck (HTML only) into a temporary folder: its deck.html and its language. */
async function buildDeckHtml(file: string): Promise<{ html: string; lang: string }> {
  const result = await buildTalk(file, { output: await tempDir(), browser: false });
  const markdown = await readFile(join(result.outputDir, "deck.md"), "utf8");
  const lang = JSON.parse(/^lang: (.*)$/m.exec(markdown)?.[1] ?? '"en"') as string;
  return { html: join(result.outputDir, "deck.html"), lang };
}

describe.skipIf(skipBrowserTests)(`slides that read in a room${skipReason}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: browserPath ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const deck of DECKS) {
    describe.skipIf(deck.skip)(deck.name, () => {
      let html: string;
      let lang: string;

      beforeAll(async () => {
        ({ html, lang } = await buildDeckHtml(deck.file));
      }, 120_000);

      it("draws every visible text at 28 px or more, page numbers included, and nothing leaves its slide", async () => {
        const page = await openDeck(browser, html);
        const reports = await slideReports(page, MIN_TEXT);
        await page.close();
        expect(reports.length).toBeGreaterThan(3);
        expect(
          reports.flatMap((report) =>
            report.small.map((small) => ({ ...small, slide: report.slide })),
          ),
        ).toEqual([]);
        expect(reports.filter((report) => report.overflow.length > 0)).toEqual([]);
      });

      it("makes the quote the largest text of the deck, long quotes included", async () => {
        const page = await openDeck(browser, html);
        const reports = await slideReports(page, MIN_TEXT);
        await page.close();
        const quotes = reports.flatMap((report) => report.quoteSizes);
        expect(quotes.length).toBeGreaterThan(0);
        const others = Math.max(...reports.map((report) => report.otherMax));
        expect(Math.min(...quotes)).toBeGreaterThan(others);
      });

      it("starts no line inside a phrase that would fit on a line", async () => {
        const page = await openDeck(browser, html);
        const blocks = await textBlocks(page);
        await page.close();
        // The check can see a wrap: some blocks do take more than one line.
        expect(blocks.some((block) => block.lineStarts.length > 0)).toBe(true);
        expect(blocks.flatMap((block) => badLineStarts(block, lang))).toEqual([]);
      });
    });
  }

  it("sees a line that starts inside a phrase (the check can fail)", () => {
    const block = { slide: 1, text: "我们必须遵循科学，让科学决定", lineStarts: [5] };
    expect(badLineStarts(block, "zh")).toHaveLength(1);
    expect(badLineStarts({ ...block, lineStarts: [6] }, "zh")).toEqual([]);
  });
});

describe.skipIf(skipBrowserTests)(`a local cover on the title slide${skipReason}`, () => {
  const png = new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#e11d48"/></svg>',
  )
    .render()
    .asPng();
  const talk =
    "---\ncover: cover.png\n---\n# 一场演讲\n\n## 内容提要\n\n1. **第一点：** 一句话。\n";

  it("shows a PNG named by `cover:` beside the title, inlined into deck.html", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "cover.png"), png);
    await writeFile(join(dir, "talk.md"), talk);
    const result = await buildTalk(join(dir, "talk.md"), {
      output: join(dir, "out"),
      browser: false,
    });
    expect((await readFile(join(result.outputDir, "cover.png"))).equals(png)).toBe(true);
    expect(await readFile(join(result.outputDir, "deck.md"), "utf8")).toContain("](cover.png)");
    const browser = await chromium.launch({
      executablePath: browserPath ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    const page = await openDeck(browser, join(result.outputDir, "deck.html"));
    const cover = await page.evaluate(() => {
      const first = document.querySelector("svg[data-marpit-svg]");
      const figure = first?.querySelector("figure");
      if (figure === null || figure === undefined) return undefined;
      const slide = first?.getBoundingClientRect().width ?? 1;
      return {
        image: getComputedStyle(figure).backgroundImage.slice(0, 30),
        share: figure.getBoundingClientRect().width / slide,
      };
    });
    await browser.close();
    expect(cover?.image).toMatch(/^url\("data:image\/png;base64,/);
    expect(cover?.share).toBeGreaterThan(0.3);
  }, 60_000);

  it("leaves out a cover.png that is no image, with a note naming it", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "cover.png"), "<svg onload=alert(1)></svg>");
    await writeFile(join(dir, "talk.md"), talk);
    const result = await buildTalk(join(dir, "talk.md"), {
      output: join(dir, "out"),
      browser: false,
    });
    expect(result.notes.join("\n")).toContain(
      "the cover image cover.png was left out: it is not a PNG, JPEG, GIF or WebP image",
    );
    expect(await readFile(join(result.outputDir, "deck.md"), "utf8")).not.toContain("cover");
  }, 60_000);
});
