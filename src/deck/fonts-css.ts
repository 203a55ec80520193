import { readFontManifest, readPackageFile, readUnicodeRanges } from "../fonts/manifest.js";
import { type FontPiece, loadPieces, pieceFile } from "../fonts/pieces.js";
import { rangeCovers } from "../fonts/unicode-range.js";
import { once, recentByKey } from "../once.js";

/** Characters the deck's CSS draws itself (the quote mark) besides the Markdown's own text. */
const CSS_TEXT = "\u201c\u201d0123456789";

function fontFace(family: string, weight: number, data: Buffer, unicodeRange: string): string {
  return `@font-face { font-family: "${family}"; font-weight: ${weight}; font-style: normal; font-display: block; src: url(data:font/woff2;base64,${data.toString("base64")}) format("woff2"); unicode-range: ${unicodeRange}; }`;
}

/** The deck's whole faces (Latin), which every deck embeds, and its CJK family's pieces. */
const deckFonts = once(async () => {
  const { deck } = await readFontManifest();
  const faces: string[] = [];
  for (const face of deck.faces) {
    const ranges = await readUnicodeRanges(face.package);
    faces.push(
      fontFace(
        face.family,
        face.weight,
        await readPackageFile(face.package, face.file),
        ranges[face.subset ?? ""] ?? "U+0-10FFFF",
      ),
    );
  }
  return { faces, pieces: await loadPieces(deck.pieces) };
});

async function pieceRules(piece: FontPiece): Promise<string[]> {
  const rules: string[] = [];
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
  return rules;
}

/**
 * The CSS of the last few piece sets: a preview rebuild after an edit mostly
 * needs the same pieces, and their base64 is megabytes to make again.
 */
const recent = new Map<string, Promise<string>>();
const RECENT_SETS = 4;

/**
 * `@font-face` rules with the bundled fonts inlined, so deck.html and the
 * exports show the same type on a laptop with no CJK fonts and no network.
 * Of the CJK family only the unicode-range pieces `text` uses are embedded:
 * a deck needs a few hundred characters, not the whole font.
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const { faces, pieces } = await deckFonts();
  const codePoints = [
    ...new Set([...`${text}${CSS_TEXT}`].map((char) => char.codePointAt(0) ?? 0)),
  ];
  const used = pieces.filter((piece) =>
    codePoints.some((codePoint) => rangeCovers(piece.range, codePoint)),
  );
  const key = used.map((piece) => `${piece.family.package}/${piece.piece}`).join(",");
  const css = recentByKey(recent, key, RECENT_SETS, () =>
    Promise.all(used.map(pieceRules)).then((rules) => [...faces, ...rules.flat()].join("\n")),
  );
  return css;
}
