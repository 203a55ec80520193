import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create as openFont } from "fontkit";
import { describe, expect, it } from "vitest";
import { fontCoverage } from "../../src/fonts/coverage.js";
import { readFontManifest } from "../../src/fonts/manifest.js";
import { isWoff, woffToSfnt } from "../../src/fonts/woff.js";

const require = createRequire(import.meta.url);

describe("font coverage from the cmap", () => {
  it("lists exactly the characters fontkit finds, for every card face", async () => {
    const { cards } = await readFontManifest();
    expect(cards.faces.length).toBeGreaterThanOrEqual(6);
    for (const face of cards.faces) {
      const file = join(dirname(require.resolve(`${face.package}/package.json`)), face.file);
      const raw = readFileSync(file);
      const sfnt = isWoff(raw) ? woffToSfnt(raw) : raw;
      const font = openFont(sfnt);
      if (!("characterSet" in font)) throw new Error("expected one font");
      const ours = [...fontCoverage(sfnt, face.file)].sort((a, b) => a - b);
      const theirs = [...new Set(font.characterSet)]
        .filter((code) => font.glyphForCodePoint(code).id !== 0)
        .sort((a, b) => a - b);
      expect(ours.length, face.file).toBeGreaterThan(200);
      expect(ours, face.file).toEqual(theirs);
    }
  });
});
