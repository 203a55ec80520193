import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { once, onceByKey } from "../once.js";
import { packageRoot } from "../paths.js";

export type FontWeight = 400 | 700;

/** One font file from a pinned npm package. */
export interface FontFace {
  family: string;
  weight: FontWeight;
  package: string;
  /** Path inside the package. */
  file: string;
  /** The fontsource subset name whose unicode range the face covers (`latin`, …). */
  subset?: string;
}

/** A family split by fontsource into numbered unicode-range pieces (`[0]` … `[119]`). */
export interface PieceFamily {
  family: string;
  package: string;
  /** Path pattern with `{piece}` and `{weight}`. */
  file: string;
  weights: FontWeight[];
}

export interface FontManifest {
  cards: { faces: FontFace[]; pieces: PieceFamily[] };
  deck: { faces: FontFace[]; pieces: PieceFamily[] };
}

const manifestPath = join(packageRoot, "fonts", "fonts.json");
const requireFromFonts = createRequire(manifestPath);

/** fonts/fonts.json, read once per process. */
export const readFontManifest: () => Promise<FontManifest> = once(() =>
  readFile(manifestPath, "utf8").then((text) => JSON.parse(text) as FontManifest),
);

function packageDir(name: string): string {
  try {
    return dirname(requireFromFonts.resolve(`${name}/package.json`));
  } catch (error) {
    throw new TalkdeckError(ErrorCode.FontMissing, `the font package ${name} is not installed`, {
      hint: "run `npm install` in the talkdeck folder; fonts come from npm packages",
      cause: error,
    });
  }
}

const files = new Map<string, Promise<Buffer>>();

/**
 * Reads a font file from its npm package, once per process: the cards, the
 * deck and the gallery share the bytes (and satori, which caches a parsed
 * font by its buffer, parses each file once).
 */
export function readPackageFile(name: string, file: string): Promise<Buffer> {
  return onceByKey(files, `${name}/${file}`, () => readUncached(name, file));
}

async function readUncached(name: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(packageDir(name), file));
  } catch (error) {
    if (error instanceof TalkdeckError) throw error;
    throw new TalkdeckError(ErrorCode.FontMissing, `cannot read the font ${name}/${file}`, {
      hint: "run `npm install` in the talkdeck folder; fonts come from npm packages",
      cause: error,
    });
  }
}

/** A package's `unicode.json`: subset or piece name → CSS unicode-range. */
export async function readUnicodeRanges(name: string): Promise<Record<string, string>> {
  return JSON.parse((await readPackageFile(name, "unicode.json")).toString("utf8")) as Record<
    string,
    string
  >;
}
