import { readFontManifest, readPackageFile, readUnicodeRanges } from "../fonts/manifest.js";
import { loadPieces, pieceFile } from "../fonts/pieces.js";
import { rangeCovers } from "../fonts/unicode-range.js";

/** Characters the deck's CSS draws itself (the quote mark) besides the Markdown's own text. */
const CSS_TEXT = "\u201c\u201d0123456789";

function fontFace(family: string, weight: number, data: Buffer, unicodeRange: string): string {
  return `@font-face { font-family: "${family}"; font-weight: ${weight}; font-style: normal; font-display: block; src: url(data:font/woff2;base64,${data.toString("base64")}) format("woff2"); unicode-range: ${unicodeRange}; }`;
}

/**
 * `@font-face` rules with the bundled fonts inlined, so deck.html and the
 * exports show the same type on a laptop with no CJK fonts and no network.
 * Of the CJK family only the unicode-range pieces `text` uses are embedded:
 * a deck needs a few hundred characters, not the whole font.
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const { deck } = await readFontManifest();
  const rules: string[] = [];
  for (const face of deck.faces) {
    const ranges = await readUnicodeRanges(face.package);
    rules.push(
      fontFace(
        face.family,
        face.weight,
        await readPackageFile(face.package, face.file),
        ranges[face.subset ?? ""] ?? "U+0-10FFFF",
      ),
    );
  }
  const codePoints = new Set([...`${text}${CSS_TEXT}`].map((char) => char.codePointAt(0) ?? 0));
  for (const piece of await loadPieces(deck.pieces)) {
    if (![...codePoints].some((codePoint) => rangeCovers(piece.range, codePoint))) continue;
    for (const weight of piece.family.weights) {
      rules.push(
        fontFace(
          piece.family.family,
          weight,
          await readPackageFile(piece.family.package, pieceFile(piece, weight)),
          piece.css,
        ),
      );
    }
  }
  return rules.join("\n");
}
