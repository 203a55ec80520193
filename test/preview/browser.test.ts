import { readFile, writeFile } from "node:fs/promises";
import { type Browser, chromium, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PreviewHandle, startPreview } from "../../src/preview/preview.js";
import { browserPath, skipBrowserTests, skipReason } from "../helpers/browser.js";
import { exampleCopy } from "./helpers.js";

/** A rebuild of the example takes a few seconds; a loaded machine, more. */
const REBUILD_MS = 90_000;

/** The preview page in Chromium, following saves of the talk file on disk. */
describe.skipIf(skipBrowserTests)(`the preview page in a real browser${skipReason}`, () => {
  let preview: PreviewHandle;
  let browser: Browser;
  let page: Page;
  let talk: string;

  const deckFrame = (): Frame | undefined =>
    page.frames().find((frame) => frame.url().includes("/out/deck.html"));

  const cardQuotes = () =>
    page.$$eval("#cards figure", (figures) =>
      figures.map((figure) => figure.getAttribute("data-quote") ?? ""),
    );

  beforeAll(async () => {
    ({ talk } = await exampleCopy());
    const out = `${talk.slice(0, -"devday/talk.md".length)}out`;
    preview = await startPreview({ file: talk, build: { output: out }, port: 0, delay: 100 });
    await preview.idle();
    browser = await chromium.launch({
      executablePath: browserPath ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.url);
    await page.waitForSelector("#quotes li", { timeout: 30_000 });
    await page.waitForSelector("#cards figure", { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  /** Waits until the deck pane shows slide `n` (the bespoke deck keeps it in the URL hash). */
  const deckOnSlide = (n: number) =>
    page.waitForFunction(
      (hash) =>
        (document.querySelector("#deck") as HTMLIFrameElement).contentWindow?.location.hash ===
        hash,
      `#${n}`,
      { timeout: 10_000 },
    );

  it("shows an edited quote in the deck (same slide) and as a new card, without a reload", async () => {
    const frame = deckFrame();
    expect(frame).toBeDefined();
    await frame?.waitForLoadState();
    // Go to slide 4; the bespoke deck keeps it in the URL hash.
    await frame?.click("body");
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("ArrowRight");
    await deckOnSlide(4);
    const before = await cardQuotes();
    expect(before).toContain("q-f07d");
    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });

    const text = await readFile(talk, "utf8");
    await writeFile(talk, text.replace("而你不能选择科学允许什么", "而你不能挑选科学允许什么"));

    await page.waitForFunction(
      () => {
        const frame = document.querySelector("#deck") as HTMLIFrameElement;
        return frame.contentDocument?.body?.textContent?.includes("挑选") === true;
      },
      undefined,
      { timeout: REBUILD_MS },
    );
    await page.waitForFunction(
      () => !document.querySelector('#cards figure[data-quote="q-f07d"]'),
      undefined,
      { timeout: REBUILD_MS },
    );
    const after = await cardQuotes();
    expect(after.filter((id) => !before.includes(id)).length).toBeGreaterThan(0);
    expect(after.length).toBe(before.length);
    // The same page (no full reload), the same slide.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(
      true,
    );
    await deckOnSlide(4);
    await page.screenshot({ path: "/tmp/preview.png" });
  }, 120_000);

  it("writes a toggled candidate into the front matter, keeping the user's comments", async () => {
    const button = page.locator('li[data-id="q-d75d"] button[data-list="cards"]');
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    await button.click();
    const start = Date.now();
    let text = "";
    while (Date.now() - start < 10_000) {
      text = await readFile(talk, "utf8");
      if (text.includes("q-d75d")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(text).toMatch(/\n {2}quotes: \[[^\]\n]*q-d75d\] # the deck's quotes\n/);
    expect(text).toContain("    - 科学决定            # a unique fragment of the quote's text\n");
    expect(text).toContain(
      "# `talkdeck quotes examples/devday-2024/talk.md` lists the quote ids.\n",
    );
    await page.waitForSelector('#cards figure[data-quote="q-d75d"]', { timeout: REBUILD_MS });
    expect(await button.getAttribute("aria-pressed")).toBe("true");
  }, 120_000);

  it("shows a YAML error in the page, keeps the last good output, and clears it once fixed", async () => {
    const good = await readFile(talk, "utf8");
    await writeFile(talk, good.replace("theme: midnight", "theme: [midnight"));
    await page.waitForSelector("#error:not([hidden])", { timeout: REBUILD_MS });
    const message = await page.textContent("#error-text");
    expect(message).toMatch(/talk\.md:\d+: the front matter is not valid YAML/);
    expect(message).toContain("hint:");
    expect(await page.textContent("#status")).toBe("build failed");
    expect(await page.$$eval("#cards figure", (figures) => figures.length)).toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/preview-error.png" });

    await writeFile(talk, good);
    await page.waitForSelector("#error[hidden]", { state: "attached", timeout: REBUILD_MS });
    expect(await page.textContent("#status")).not.toBe("build failed");
  }, 120_000);
});
