import { create as openFont } from "fontkit";
import { beforeAll, describe, expect, it } from "vitest";
import { EmojiSet, isEmoji } from "../../src/cards/emoji.js";
import { loadCardFonts } from "../../src/cards/fonts.js";
import { cardLayout } from "../../src/cards/layout.js";
import { segmentText } from "../../src/cards/phrases.js";
import type { CardRenderer } from "../../src/cards/render.js";
import { toCardSize } from "../../src/config/sizes.js";
import type { Talk } from "../../src/talk/model.js";
import { cardRenderer, cardRequest, layouts, presets } from "../helpers/cards.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";
import { segmentStarts } from "../helpers/phrases.js";
import { type Glyph, glyphs, withoutSpaces } from "./svg-text.js";

const CLOSING = /^[，。、；：？！）」』”’…,.;:?!)\]}]/u;
const OPENING = /[（「『“‘([{]$/u;

/** The quote's own glyphs, grouped into lines: the run of glyphs whose text spells the quote. */
function quoteLines(svg: string, quote: string): Glyph[][] {
  const all = glyphs(svg);
  const target = withoutSpaces(quote);
  for (let start = 0; start < all.length; start += 1) {
    let spelled = "";
    let end = start;
    while (end < all.length && target.startsWith(spelled + withoutSpaces(all[end]?.text ?? ""))) {
      spelled += withoutSpaces(all[end]?.text ?? "");
      end += 1;
      if (spelled === target) break;
    }
    if (spelled !== target) continue;
    // Latin and CJK faces sit on slightly different baselines: a new line is a clear step down.
    const lines: Glyph[][] = [];
    for (const glyph of all.slice(start, end)) {
      const line = lines.at(-1);
      const lineY = line?.[0]?.y;
      if (
        line !== undefined &&
        lineY !== undefined &&
        Math.abs(glyph.y - lineY) < glyph.fontSize / 2
      ) {
        line.push(glyph);
      } else lines.push([glyph]);
    }
    return lines;
  }
  throw new Error(`the quote is not spelled out in the SVG: ${quote}`);
}

let renderer: CardRenderer;
let talk: Talk;

beforeAll(async () => {
  renderer = await cardRenderer();
  talk = fixtureTalk(samplePath);
});

/** Line-break rules for one drawn quote: kinsoku, and breaks only between BudouX phrases. */
function expectGoodBreaks(svg: string, text: string, where: string): void {
  const compact = withoutSpaces(text);
  const boundaries = segmentStarts(compact, "zh");
  const lines = quoteLines(svg, text).map((line) => line.map((glyph) => glyph.text).join(""));
  expect(lines.length, where).toBeGreaterThan(0);
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const at = `${where} line ${index + 1}: ${line}`;
    expect(line, at).not.toMatch(CLOSING);
    expect(line, at).not.toMatch(OPENING);
    // A line starts on a phrase boundary, or just after punctuation moved back to the line before.
    const moved = /[，。、；：？！）」』”’…]*$/u.exec(compact.slice(0, offset))?.[0] ?? "";
    expect(boundaries.has(offset) || boundaries.has(offset - moved.length), at).toBe(true);
    offset += [...withoutSpaces(line)].length;
  }
}

/**
 * The quotes a user of the sample is offered first: every sentence is a
 * candidate now (some 300), and drawing all of them on every preset would
 * take minutes; the top 40 hold every bold line and the longest of them.
 */
const offered = () => talk.quotes.slice(0, 40);

describe("the sample's leading quotes on every preset and layout", () => {
  it("breaks lines at phrases with kinsoku, and stays inside the safe area", async () => {
    for (const quote of offered()) {
      for (const preset of presets) {
        for (const layout of layouts) {
          const size = toCardSize(preset);
          const { padding, paddingY } = cardLayout(size);
          const request = cardRequest(talk, quote, { size: preset, layout });
          const { svg, fontSize } = await renderer.svg(request, { embedFont: false });
          const where = `${quote.id} ${preset} ${layout} at ${fontSize}px`;
          expectGoodBreaks(svg, quote.text, where);
          for (const glyph of glyphs(svg)) {
            const what = `${where}: ${glyph.text}`;
            expect(glyph.x, what).toBeGreaterThanOrEqual(padding - 1);
            expect(glyph.x + glyph.width, what).toBeLessThanOrEqual(size.width - padding + 1);
            // Baseline above the bottom margin; the cap height (~0.8 em above it) below the top margin.
            expect(glyph.y, what).toBeLessThanOrEqual(size.height - paddingY + 1);
            expect(glyph.y - 0.8 * glyph.fontSize, what).toBeGreaterThanOrEqual(paddingY - 1);
          }
        }
      }
    }
  });
});

describe("fitting", () => {
  it("predicts the same font size a full search finds, for quotes too long for the largest size", async () => {
    const fixtures = ["quotes-unbolded.en.md", "label-plain.zh.md", "summary-prose.en.md"];
    const quotes = [...offered(), ...fixtures.flatMap((file) => fixtureTalk(file).quotes)];
    let predicted = 0;
    for (const quote of quotes) {
      for (const preset of ["square", "landscape", "link"]) {
        for (const layout of layouts) {
          const lang = /\p{Script=Han}/u.test(quote.text) ? "zh" : "en";
          const request = cardRequest(talk, quote, { size: preset, layout, lang });
          const where = `${quote.id} ${preset} ${layout}`;
          const fast = await renderer.fitFontSize(request);
          expect(fast, where).toBe(await renderer.fitFontSize(request, { exhaustive: true }));
          if (fast < cardLayout(toCardSize(preset)).maxFont) predicted += 1;
        }
      }
    }
    // The model itself, not only the one-drawing shortcut for short quotes, was put to the test.
    expect(predicted).toBeGreaterThanOrEqual(10);
  });
});

describe("segments", () => {
  it("keep kinsoku, attach particles, split words and avoid orphans", () => {
    const texts = (text: string, lang = "zh") =>
      segmentText(text, lang).map((segment) => segment.text);
    expect(texts("但这只是意味着，当下一个模型出现。")).toContain("意味着，");
    // BudouX cuts `推动 A|I 领域`; a Latin word or a model name in Chinese text stays whole.
    expect(texts("并认为这是推动 AI 领域前沿的关键，比如 GPT-4o 模型的能力")).toEqual(
      expect.arrayContaining(["AI", "GPT-4o"]),
    );
    expect(segmentStarts("推动 AI 领域", "zh").has(4)).toBe(false);
    expect(
      texts("We learn more in a week of shipping than in a year of planning it.", "en"),
    ).toEqual([
      "We",
      "learn",
      "more",
      "in",
      "a",
      "week",
      "of",
      "shipping",
      "than",
      "in",
      "a",
      "year",
      "of",
      "planning\u00a0it.",
    ]);
    for (const segment of texts("他说：“这很好（真的）。”然后「离开」了。")) {
      expect(segment).not.toMatch(CLOSING);
      expect(segment).not.toMatch(OPENING);
    }
  });
});

describe("coverage", () => {
  it("has a glyph for every character of every sample quote, speaker and title", async () => {
    const library = await loadCardFonts();
    const emoji = await EmojiSet.load();
    const texts = [
      talk.meta.title,
      ...talk.quotes.map((quote) => quote.text),
      ...talk.speakers.map((s) => s.name),
    ];
    for (const text of [...texts, "Ship it 🚀 — 👍🏽 🇨🇳 ❤️ café naïve “quoted” 100%"]) {
      const { fonts, uncovered } = await library.fontsFor(text);
      expect(uncovered, text).toEqual([]);
      const parsed = fonts.map((font) => openFont(font.data));
      for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(
        text,
      )) {
        if (/^\s$/u.test(segment)) continue;
        if (isEmoji(segment)) {
          expect(emoji.has(segment), segment).toBe(true);
          continue;
        }
        const codePoint = segment.codePointAt(0) ?? 0;
        const covered = parsed.some(
          (font) => "hasGlyphForCodePoint" in font && font.hasGlyphForCodePoint(codePoint),
        );
        expect(covered, `${segment} (U+${codePoint.toString(16)}) in ${text}`).toBe(true);
      }
    }
  });
});
