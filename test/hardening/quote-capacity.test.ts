import { create as openFont } from "fontkit";
import { describe, expect, it } from "vitest";
import { ASCII_ADVANCES, estimateFit, minimumWidthEm } from "../../src/cards/capacity.js";
import { toCardSize } from "../../src/config/sizes.js";
import { readFontManifest, readPackageFile } from "../../src/fonts/manifest.js";
import { isWoff, woffToSfnt } from "../../src/fonts/woff.js";
import { presets } from "../helpers/cards.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";

/**
 * Issue 10, item 11: the estimate that keeps too-long quotes from being drawn
 * is a lower bound (it never refuses a quote that fits) and leaves every
 * ordinary quote selectable.
 */

describe("the card capacity estimate", () => {
  it("takes no ASCII character narrower than any card face draws it", async () => {
    const { cards } = await readFontManifest();
    const faces = cards.faces.filter((face) => face.family === "Inter");
    expect(faces.length).toBeGreaterThanOrEqual(2);
    for (const face of faces) {
      const raw = await readPackageFile(face.package, face.file);
      const font = openFont(isWoff(raw) ? woffToSfnt(raw) : raw);
      if (!("unitsPerEm" in font)) throw new Error("expected one font");
      ASCII_ADVANCES.forEach((advance, index) => {
        const glyph = font.glyphForCodePoint(0x20 + index);
        expect(advance / 1000, `${face.file} U+${(0x20 + index).toString(16)}`).toBeLessThanOrEqual(
          glyph.advanceWidth / font.unitsPerEm,
        );
      });
    }
  });

  it("counts Han one em, ASCII by its advance, marks and joiners nothing", () => {
    expect(minimumWidthEm("科学决定")).toBe(4);
    expect(minimumWidthEm("i i")).toBeCloseTo(0.241 + 0.236 + 0.241);
    expect(minimumWidthEm("a\u0301\u200d")).toBeCloseTo(0.561);
    expect(minimumWidthEm("a  \n\t b")).toBe(minimumWidthEm("a b"));
  });

  it("leaves every quote of the sample talk selectable for every preset", () => {
    for (const quote of fixtureTalk(samplePath).quotes) {
      for (const preset of presets) {
        const fit = estimateFit(quote.text, toCardSize(preset));
        expect(fit.tooLongForAuto, `${quote.id} ${preset}`).toBe(false);
      }
    }
  });

  it("finds 1,000 words too long for any preset, and 200 KB too long for any size", () => {
    const words = Array.from({ length: 1_000 }, () => "ship").join(" ");
    for (const preset of presets)
      expect(estimateFit(words, toCardSize(preset)).impossible).toBe(true);
    const huge = "x".repeat(200_000);
    expect(estimateFit(huge, toCardSize("4096x4096")).impossible).toBe(true);
  });
});
