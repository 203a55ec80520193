import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { packageRoot } from "../paths.js";

/** One face of `fonts/fonts.json`: a pinned npm font package and the files used from it. */
export interface FontFace {
  family: string;
  weight: 400 | 700;
  package: string;
  /** WOFF, for satori (cards). */
  file: string;
  /** WOFF2, for browsers (deck.html). */
  webFile: string;
}

const manifestPath = join(packageRoot, "fonts", "fonts.json");

export async function readFontManifest(): Promise<FontFace[]> {
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { faces: FontFace[] };
  return manifest.faces;
}

/** Reads one of a face's files from its npm package. */
export async function readFontFile(face: FontFace, which: "file" | "webFile"): Promise<Buffer> {
  const require = createRequire(manifestPath);
  try {
    const root = dirname(require.resolve(`${face.package}/package.json`));
    return await readFile(join(root, face[which]));
  } catch (error) {
    throw new TalkdeckError(
      ErrorCode.FontMissing,
      `cannot load the font ${face.package}/${face[which]}`,
      {
        hint: "run `npm install` in the talkdeck folder; fonts come from npm packages",
        cause: error,
      },
    );
  }
}
