import { create as openFont } from "fontkit";

/** The code points a font file has glyphs for, from its cmap. */
export function fontCoverage(data: Buffer, label: string): ReadonlySet<number> {
  const font = openFont(data);
  if (!("characterSet" in font)) throw new Error(`${label} is a font collection, not one font`);
  return new Set(font.characterSet);
}
