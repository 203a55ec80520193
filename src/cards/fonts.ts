import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { packageRoot } from "../paths.js";

/** A font face loaded into memory, ready for satori. */
export interface LoadedFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

interface FontManifest {
  faces: Array<{ family: string; weight: 400 | 700; package: string; file: string }>;
}

/** The CSS font-family list the card templates use: Latin first, CJK as fallback. */
export const cardFontFamily = '"Inter", "Inter Ext", "Noto Sans SC"';

let cached: Promise<LoadedFont[]> | undefined;

async function readFaces(): Promise<LoadedFont[]> {
  const manifestPath = join(packageRoot, "fonts", "fonts.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as FontManifest;
  const require = createRequire(manifestPath);
  return Promise.all(
    manifest.faces.map(async (face) => {
      let path: string;
      try {
        path = join(dirname(require.resolve(`${face.package}/package.json`)), face.file);
        return {
          name: face.family,
          weight: face.weight,
          style: "normal" as const,
          data: await readFile(path),
        };
      } catch (error) {
        throw new TalkdeckError(
          ErrorCode.FontMissing,
          `cannot load the font ${face.package}/${face.file}`,
          {
            hint: "run `npm install` in the talkdeck folder; fonts come from npm packages",
            cause: error,
          },
        );
      }
    }),
  );
}

/** The card fonts, read once per process however many cards are drawn. */
export function loadCardFonts(): Promise<LoadedFont[]> {
  cached ??= readFaces().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
