import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Font, create as openFont } from "fontkit";
import { describe, expect, it } from "vitest";
import { isWoff, woffToSfnt } from "../../src/fonts/woff.js";

const require = createRequire(import.meta.url);
const notoDir = dirname(require.resolve("@fontsource/noto-sans-sc/package.json"));

function open(data: Buffer): Font {
  const font = openFont(data);
  if (!("characterSet" in font)) throw new Error("expected one font");
  return font;
}

describe("WOFF to sfnt", () => {
  it("unpacks the same font: same characters, same glyph outlines and advances", () => {
    const woff = readFileSync(
      join(notoDir, "files/noto-sans-sc-chinese-simplified-700-normal.woff"),
    );
    expect(isWoff(woff)).toBe(true);
    const sfnt = woffToSfnt(woff);
    expect(isWoff(sfnt)).toBe(false);
    const [fromWoff, fromSfnt] = [open(woff), open(sfnt)];
    expect(fromSfnt.characterSet).toEqual(fromWoff.characterSet);
    for (const char of "凯文·韦尔边界，。AIg") {
      const codePoint = char.codePointAt(0) ?? 0;
      const [a, b] = [fromWoff, fromSfnt].map((font) => font.glyphForCodePoint(codePoint));
      expect(b?.advanceWidth).toBe(a?.advanceWidth);
      expect(b?.path.toSVG()).toBe(a?.path.toSVG());
    }
  });
});
