import type { PieceFamily } from "./manifest.js";
import { readUnicodeRanges } from "./manifest.js";
import { parseUnicodeRange, type UnicodeRange } from "./unicode-range.js";

/** One of fontsource's numbered unicode-range pieces of a family (`[119]`). */
export interface FontPiece {
  family: PieceFamily;
  piece: string;
  /** The CSS `unicode-range` value, as fontsource gives it. */
  css: string;
  range: UnicodeRange;
}

/** The numbered pieces of each family, in fontsource's order. */
export async function loadPieces(families: readonly PieceFamily[]): Promise<FontPiece[]> {
  const pieces: FontPiece[] = [];
  for (const family of families) {
    const ranges = await readUnicodeRanges(family.package);
    for (const [key, css] of Object.entries(ranges)) {
      const piece = /^\[(\d+)\]$/.exec(key)?.[1];
      if (piece !== undefined) pieces.push({ family, piece, css, range: parseUnicodeRange(css) });
    }
  }
  return pieces.sort((a, b) => Number(a.piece) - Number(b.piece));
}

/** A piece's file for one weight. */
export function pieceFile(piece: FontPiece, weight: number): string {
  return piece.family.file.replace("{piece}", piece.piece).replace("{weight}", String(weight));
}
