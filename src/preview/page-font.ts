/**
 * A CJK face for the preview page itself (the deck and the gallery embed
 * their own): a machine without CJK fonts would otherwise show the
 * candidates as boxes. Served from the pinned npm package, never fetched;
 * the browser loads it only when a CJK character is on the page.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const FILE = "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2";

let bytes: Promise<Buffer | undefined> | undefined;

/** The font's bytes, read once; undefined when the package is missing (the page falls back). */
export function pageFont(): Promise<Buffer | undefined> {
  bytes ??= readFile(createRequire(import.meta.url).resolve(FILE)).catch(() => undefined);
  return bytes;
}

export const PAGE_FONT_URL = "/assets/cjk.woff2";

/** The @font-face rule for it: CJK ranges only, so Latin text keeps the system font. */
export const PAGE_FONT_CSS = `@font-face { font-family: "talkdeck-cjk"; font-weight: 100 900;
  src: url(${PAGE_FONT_URL}) format("woff2"); font-display: swap;
  unicode-range: U+2E80-2FDF, U+3000-303F, U+3100-312F, U+31A0-31BF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF; }`;
