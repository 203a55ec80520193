import { fontCoverage } from "../fonts/coverage.js";
import {
  type FontFace,
  type FontWeight,
  readFontManifest,
  readPackageFile,
} from "../fonts/manifest.js";
import { type FontPiece, loadPieces, pieceFile } from "../fonts/pieces.js";
import { rangeCovers } from "../fonts/unicode-range.js";
import { isWoff, woffToSfnt } from "../fonts/woff.js";
import { once, onceByKey } from "../once.js";
import { isEmoji } from "./emoji.js";

/** A font as satori takes it. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: "normal";
}

/** The fonts one card needs, and the CSS family list naming them. */
export interface CardFonts {
  fonts: SatoriFont[];
  family: string;
  /** Characters no bundled font covers (they would show as tofu). */
  uncovered: string[];
  /** Emoji graphemes, drawn from the emoji set. */
  emoji: string[];
}

interface BaseFace {
  face: FontFace;
  /** Code points the face draws, from its own cmap. */
  coverage: ReadonlySet<number>;
  font: SatoriFont;
}

interface Piece extends FontPiece {
  /** The piece's own family name: satori does not combine pieces that share one. */
  name: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** Characters that need no glyph of their own. */
const INVISIBLE = /^(?:\s|[\u200b-\u200d\u2060\ufeff]|\ufe0f)$/u;

const satoriData = new Map<string, Promise<Buffer>>();
const pieceCoverage = new Map<string, Promise<ReadonlySet<number>>>();

/**
 * A font file as satori gets it: WOFF unpacked to plain sfnt, and the same
 * buffer every time, since satori caches a parsed font by its buffer.
 */
function readSatoriFont(name: string, file: string): Promise<Buffer> {
  return onceByKey(satoriData, `${name}/${file}`, async () => {
    const raw = await readPackageFile(name, file);
    return isWoff(raw) ? woffToSfnt(raw) : raw;
  });
}

/**
 * The bundled card fonts. Base faces (Latin, and the common Simplified
 * Chinese subset) serve every card, so satori keeps one parsed font set and
 * its shaping cache from card to card; a character none of them has comes from
 * fontsource's numbered unicode-range pieces, read only when a card needs it.
 */
export class CardFontLibrary {
  readonly #faces: BaseFace[];
  readonly #pieces: Piece[];

  private constructor(faces: BaseFace[], pieces: Piece[]) {
    this.#faces = faces;
    this.#pieces = pieces;
  }

  static async load(): Promise<CardFontLibrary> {
    const manifest = await readFontManifest();
    const faces = await Promise.all(
      manifest.cards.faces.map(async (face) => {
        const data = await readSatoriFont(face.package, face.file);
        return {
          face,
          coverage: fontCoverage(data, `${face.package}/${face.file}`),
          font: { name: face.family, data, weight: face.weight, style: "normal" as const },
        };
      }),
    );
    const pieces: Piece[] = (await loadPieces(manifest.cards.pieces)).map((piece) => ({
      ...piece,
      name: `${piece.family.family} ${piece.piece}`,
    }));
    return new CardFontLibrary(faces, pieces);
  }

  /**
   * The code points a piece has glyphs for in every weight, from its cmaps: a
   * piece's declared unicode-range can promise more (U+FFFD is in one of Noto
   * Sans SC's ranges but none of its glyphs, and drew a box).
   */
  #pieceCoverage(piece: Piece): Promise<ReadonlySet<number>> {
    return onceByKey(pieceCoverage, piece.name, async () => {
      const sets = await Promise.all(
        piece.family.weights.map(async (weight) => {
          const file = pieceFile(piece, weight);
          return fontCoverage(
            await readSatoriFont(piece.family.package, file),
            `${piece.family.package}/${file}`,
          );
        }),
      );
      const [first = new Set<number>(), ...rest] = sets;
      return new Set([...first].filter((code) => rest.every((set) => set.has(code))));
    });
  }

  /** The first piece whose range declares the code point and whose fonts really draw it. */
  async #pieceFor(codePoint: number): Promise<Piece | undefined> {
    for (const piece of this.#pieces) {
      if (rangeCovers(piece.range, codePoint) && (await this.#pieceCoverage(piece)).has(codePoint))
        return piece;
    }
    return undefined;
  }

  /** The fonts that cover `text`: base faces first, then the CJK pieces it needs. */
  async fontsFor(text: string): Promise<CardFonts> {
    const needed = new Map<string, Piece>();
    const uncovered = new Set<string>();
    const emoji = new Set<string>();
    const forPieces = new Set<string>();
    for (const { segment } of segmenter.segment(text)) {
      if (INVISIBLE.test(segment)) continue;
      if (isEmoji(segment)) {
        emoji.add(segment);
        continue;
      }
      for (const char of segment) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (INVISIBLE.test(char) || this.#faces.some(({ coverage }) => coverage.has(codePoint)))
          continue;
        forPieces.add(char);
      }
    }
    for (const char of forPieces) {
      const piece = await this.#pieceFor(char.codePointAt(0) ?? 0);
      if (piece === undefined) uncovered.add(char);
      else needed.set(piece.name, piece);
    }
    const pieceFonts = await Promise.all(
      [...needed.values()].flatMap((piece) =>
        piece.family.weights.map(
          async (weight): Promise<SatoriFont> => ({
            name: piece.name,
            data: await readSatoriFont(piece.family.package, pieceFile(piece, weight)),
            weight,
            style: "normal",
          }),
        ),
      ),
    );
    const families = [
      ...new Set([...this.#faces.map(({ face }) => face.family), ...needed.keys()]),
    ];
    return {
      fonts: [...this.#faces.map(({ font }) => font), ...pieceFonts],
      family: families.map((name) => `"${name}"`).join(", "),
      uncovered: [...uncovered],
      emoji: [...emoji],
    };
  }
}

/** The process's card font library, loaded on first use. */
export const loadCardFonts: () => Promise<CardFontLibrary> = once(() => CardFontLibrary.load());
