import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTalk } from "../../src/build.js";
import { embeddedFontCss } from "../../src/deck/fonts-css.js";
import { createMarp } from "../../src/deck/render.js";
import type { Manifest } from "../../src/output/manifest.js";
import { browserPath, hasPoppler, skipBrowserTests, skipReason } from "../helpers/browser.js";
import { examplePath, tempDir } from "../helpers/paths.js";

/** The leads the example's front matter selects (points 1, 2, 3, 4, 6, 7, 11, 12). */
const LEADS = [
  "AGI 的发展路径",
  "研究驱动发展",
  "安全与对齐至关重要",
  "智能体的未来",
  "开发者平台的重要性",
  "用户体验的未来",
];

/**
 * Slides whose content spills out of the slide: the deck's Markdown rendered by
 * marp-core with the bundled fonts, every slide shown at once, and each
 * element's box compared with its slide's.
 */
async function overflowingSlides(browser: Browser, markdown: string): Promise<number[]> {
  const { html, css } = createMarp().render(markdown);
  const dir = await tempDir();
  const file = join(dir, "measure.html");
  await writeFile(
    file,
    `<!doctype html><meta charset="utf-8"><style>${await embeddedFontCss(markdown)}\n${css}</style>${html}`,
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
  const over = await page.evaluate(() =>
    Array.from(document.querySelectorAll("svg[data-marpit-svg] > foreignObject > section"))
      .map((section, index) => {
        const box = section.getBoundingClientRect();
        const spill = Array.from(section.querySelectorAll("*")).some((element) => {
          const rect = element.getBoundingClientRect();
          return rect.height > 0 && (rect.bottom > box.bottom + 1 || rect.top < box.top - 1);
        });
        return spill ? index + 1 : 0;
      })
      .filter((index) => index > 0),
  );
  await page.close();
  return over;
}

describe.skipIf(skipBrowserTests)(`the deck in a real browser${skipReason}`, () => {
  let dir: string;
  let manifest: Manifest;
  let browser: Browser;

  beforeAll(async () => {
    const out = await tempDir();
    const result = await buildTalk(examplePath, { output: out, formats: ["pdf"] });
    expect(result.missingExports).toEqual([]);
    dir = result.outputDir;
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    browser = await chromium.launch({
      executablePath: browserPath ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("shows every slide, moves on with ArrowRight, logs no error and asks nothing of the network", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(dir, "deck.html")).href);
    await page.waitForLoadState("load");

    const slides = await page.locator("svg[data-marpit-svg]").count();
    expect(slides).toBe(manifest.deck.slides);
    expect(new URL(page.url()).hash).toMatch(/^(#1)?$/);
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => location.hash === "#2");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => location.hash === "#3");
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => location.hash === "#2");

    expect(errors).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:")),
    ).toEqual([]);
    await page.close();
  });

  it("keeps every slide's content inside the slide, with the bundled fonts", async () => {
    const markdown = await readFile(join(dir, "deck.md"), "utf8");
    expect(await overflowingSlides(browser, markdown)).toEqual([]);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, "deck.html")).href);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('700 40px "Noto Sans SC"', "内容提要");
    });
    expect(fonts).toBe(true);
    await page.close();
  });

  it("splits a long point over slides that each fit, where one slide would overflow", async () => {
    const body = "这是一个很长的要点，用来检查幻灯片不会溢出。".repeat(30);
    const talkDir = await tempDir();
    const file = join(talkDir, "long.md");
    await writeFile(
      file,
      `# 长要点\n\n## 内容提要\n\n1. **很长的要点:** ${body}\n2. **短的要点:** 一句话。\n`,
    );
    const result = await buildTalk(file, { output: join(talkDir, "out") });
    const markdown = await readFile(join(result.outputDir, "deck.md"), "utf8");
    // The heading carries phrase breaks (`<wbr>`); the continued label follows the lead.
    expect(markdown.replaceAll("<wbr>", "")).toContain("## 很长的要点（续）");
    expect(await overflowingSlides(browser, markdown)).toEqual([]);
    // The same body on one slide does spill: the check can fail.
    const unsplit = markdown
      .replaceAll("<wbr>", "")
      .replace(
        /## 很长的要点\n\n[\s\S]*?## 短的要点/,
        `## 很长的要点\n\n${body}\n\n---\n\n## 短的要点`,
      );
    expect(await overflowingSlides(browser, unsplit)).not.toEqual([]);
  });

  it.skipIf(!hasPoppler && process.env.CI !== "true")(
    "exports a PDF with one page per slide and the Chinese leads in it",
    () => {
      const pdf = join(dir, "deck.pdf");
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(manifest.deck.slides);
      const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
      for (const lead of LEADS) expect(text).toContain(lead);
    },
  );
});
