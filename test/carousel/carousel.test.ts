import { execFileSync } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PipelineRun, runPipeline } from "../../src/build-pipeline.js";
import type { Manifest } from "../../src/output/manifest.js";
import { hasPoppler } from "../helpers/browser.js";
import { fixture } from "../helpers/fixtures.js";
import { examplePath, tempDir } from "../helpers/paths.js";
import { decodePng } from "../helpers/png.js";

const example = fixture(examplePath);
/** The example's chosen points, from its own front matter: `points: [1, 2, …]`. */
/** The example's event (`event:`), which names the source on the closing image; else the title's short form. */
const sourceName =
  /^event:\s*(.+?)\s*(?:#.*)?$/mu.exec(example)?.[1] ?? "奥特曼和凯文韦尔在OpenAI DevDay炉边谈话";
const pointCount = (/^ {2}points: \[([^\]]*)\]/mu.exec(example)?.[1] ?? "").split(",").length;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Share of pixels in a box that stand out from the box's first pixel: text drawn there. */
function inkIn(png: Buffer, box: { x: number; y: number; width: number; height: number }): number {
  const image = decodePng(png);
  const at = (x: number, y: number) => (y * image.width + x) * 4;
  const base = at(box.x, box.y);
  let ink = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const offset = at(x, y);
      const distance = Math.max(
        ...[0, 1, 2].map((c) =>
          Math.abs((image.data[offset + c] ?? 0) - (image.data[base + c] ?? 0)),
        ),
      );
      if (distance > 64) ink += 1;
    }
  }
  return ink / (box.width * box.height);
}

/** Text as the page shows it: the gallery escapes what it quotes. */
function unescapeHtml(html: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
  return html.replace(/&(amp|lt|gt|quot|#39);/gu, (_, name: string) => named[name] ?? "");
}

async function mtimes(dir: string, names: readonly string[]): Promise<number[]> {
  return Promise.all(names.map(async (name) => (await stat(join(dir, name))).mtimeMs));
}

describe("the carousel (cards.carousel: portrait)", () => {
  let talk: string;
  let out: string;
  let cold: PipelineRun;
  let dir: string;
  let manifest: Manifest;

  beforeAll(async () => {
    const root = join(await tempDir(), "devday");
    await mkdir(root);
    talk = join(root, "talk.md");
    // The bundled example shows the carousel off: `npm start` makes it.
    expect(example).toMatch(/^ {2}carousel: portrait\b/mu);
    await writeFile(talk, example);
    out = join(root, "out");
    cold = await runPipeline(talk, { output: out, browser: false });
    dir = cold.result.outputDir;
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  }, 120_000);

  it("makes a cover, one image per point and per card quote, and a closing image, in order", () => {
    const quotes = new Set(manifest.cards.map((card) => card.quoteId)).size;
    expect(quotes).toBe(5);
    const total = 1 + pointCount + quotes + 1;
    const images = manifest.carousel?.images ?? [];
    expect(images).toHaveLength(total);
    expect(images.map((image) => image.kind)).toEqual([
      "cover",
      ...Array<string>(pointCount).fill("point"),
      ...Array<string>(quotes).fill("quote"),
      "closing",
    ]);
    expect(images.map((image) => image.page)).toEqual(images.map((_, index) => index + 1));
    expect(images.map((image) => image.file)).toEqual(
      images.map((_, index) => `carousel/${String(index + 1).padStart(2, "0")}.png`),
    );
    expect(cold.carouselRendered).toBe(total);
    for (const image of images) expect(cold.outputNames).toContain(image.file);
    expect(cold.outputNames).toContain("carousel/carousel.pdf");
  });

  it("draws every image at the portrait size, with its number in the top right corner", async () => {
    expect(manifest.carousel).toMatchObject({ preset: "portrait", width: 1080, height: 1350 });
    for (const image of manifest.carousel?.images ?? []) {
      const png = await readFile(join(dir, image.file));
      expect(pngSize(png), image.file).toEqual([1080, 1350]);
      expect([image.width, image.height]).toEqual([1080, 1350]);
      // `2/15` sits inside the padding's corner; the rest of that strip is empty.
      expect(inkIn(png, { x: 860, y: 90, width: 130, height: 50 }), image.file).toBeGreaterThan(
        0.02,
      );
      expect(inkIn(png, { x: 400, y: 20, width: 400, height: 60 }), image.file).toBe(0);
    }
  });

  it("gives every image alt text saying what it shows", () => {
    const images = manifest.carousel?.images ?? [];
    const [cover] = images;
    const closing = images.at(-1);
    expect(cover?.alt).toMatch(/^Cover: 奥特曼和凯文韦尔在OpenAI DevDay炉边谈话 — AI代理/u);
    expect(cover?.alt).toContain("萨姆·奥特曼");
    expect(cover?.alt).toContain("2024-12-18");
    const points = images.filter((image) => image.kind === "point");
    expect(points[0]?.alt).toMatch(/^Key point 1 of 8: AGI 的发展路径\. AGI 不再是一个二元事件/u);
    expect(points.at(-1)?.alt).toMatch(/^Key point 8 of 8: 用户体验的未来\./u);
    // A quote's image says what its cards say.
    const quoteAlts = images.filter((image) => image.kind === "quote").map((image) => image.alt);
    expect(quoteAlts).toEqual([...new Set(manifest.cards.map((card) => card.alt))]);
    expect(closing?.alt).toBe(
      `Source: ${sourceName}. A QR code links to the write-up at mp.weixin.qq.com. Follow @瓜哥AI新知`,
    );
    for (const image of images) expect(image.alt.length).toBeGreaterThan(20);
  });

  it.skipIf(!hasPoppler)(
    `writes carousel.pdf: a page per image, in order, with the alt texts as its text${hasPoppler ? "" : " (skipped: pdfinfo/pdftotext missing; apt-get install poppler-utils)"}`,
    () => {
      const pdf = join(dir, "carousel", "carousel.pdf");
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const images = manifest.carousel?.images ?? [];
      expect(info).toMatch(new RegExp(`^Pages:\\s+${images.length}$`, "mu"));
      // 1080×1350 px at 96 px to the inch.
      expect(info).toMatch(/^Page size:\s+810 x 1012\.5 pts$/mu);
      expect(info).toMatch(/^Title:\s+奥特曼和凯文韦尔在OpenAI DevDay炉边谈话/mu);
      const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
      const pages = text.split("\f").map((page) => page.replace(/\s+/gu, " ").trim());
      expect(pages.filter((page) => page !== "")).toHaveLength(images.length);
      images.forEach((image, index) => {
        expect(pages[index], image.file).toBe(image.alt);
      });
    },
  );

  it("redraws nothing when rebuilt with nothing changed", async () => {
    const names = [
      ...(manifest.carousel?.images ?? []).map((image) => image.file),
      "carousel/carousel.pdf",
    ];
    const before = await mtimes(dir, names);
    const again = await runPipeline(talk, { output: out, browser: false });
    expect(again.carouselRendered).toBe(0);
    expect(await mtimes(dir, names)).toEqual(before);
    const after = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(after.carousel).toEqual(manifest.carousel);
    for (const name of names) expect(after.hashes[name]).toBe(manifest.hashes[name]);
  }, 120_000);

  describe("the gallery (index.html)", () => {
    let gallery: string;
    beforeAll(async () => {
      gallery = await readFile(join(dir, "index.html"), "utf8");
    });

    it("groups the cards by quote, the quote's text as the heading", () => {
      const quotes = [...new Map(manifest.cards.map((card) => [card.quoteId, card])).values()];
      const groups = [
        ...gallery.matchAll(
          /<section class="quote" id="([^"]+)">\n<h3>([^<]*)<\/h3>([\s\S]*?)<\/section>/gu,
        ),
      ];
      expect(groups.map((group) => group[1])).toEqual(quotes.map((quote) => quote.quoteId));
      groups.forEach((group, index) => {
        const quote = quotes[index];
        expect(unescapeHtml(group[2] ?? "")).toBe(quote?.text);
        const files = [...(group[3] ?? "").matchAll(/<img src="([^"]+)"/gu)].map(
          (match) => match[1],
        );
        expect(files).toEqual(
          manifest.cards.filter((card) => card.quoteId === quote?.quoteId).map((card) => card.file),
        );
      });
    });

    it("shows the carousel strip in order, before the cards", () => {
      const strip = /<ol class="strip">([\s\S]*?)<\/ol>/u.exec(gallery)?.[1] ?? "";
      const files = [...strip.matchAll(/<img src="([^"]+)"/gu)].map((match) => match[1]);
      expect(files).toEqual((manifest.carousel?.images ?? []).map((image) => image.file));
      expect(gallery.indexOf('class="strip"')).toBeLessThan(gallery.indexOf('class="quote"'));
      expect(gallery).toContain('<a href="carousel/carousel.pdf" download="carousel.pdf">PDF</a>');
    });

    it("gives each image a download link and its alt text with a copy button", () => {
      const images = [...(manifest.carousel?.images ?? []), ...manifest.cards];
      expect(gallery.match(/<figure>/gu)).toHaveLength(images.length);
      for (const image of images) {
        const name = image.file.slice(image.file.lastIndexOf("/") + 1);
        expect(gallery).toContain(`<a href="${image.file}" download="${name}">Download</a>`);
      }
      const alts = [
        ...gallery.matchAll(
          /<p class="alt">([^<]*)<\/p>\n\s*<button type="button" class="copy">/gu,
        ),
      ];
      expect(alts.map((match) => unescapeHtml(match[1] ?? ""))).toEqual(
        images.map((image) => image.alt),
      );
      expect(gallery).toContain("navigator.clipboard.writeText");
      expect(gallery).toContain('document.execCommand("copy")');
    });

    it("needs no network: nothing is loaded from the web", () => {
      expect(gallery).not.toMatch(/(?:src|href)="(?:https?:)?\/\//u);
      expect(gallery).not.toMatch(/<link\b|@import|<script src/u);
    });
  });
});
