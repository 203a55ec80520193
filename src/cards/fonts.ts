import { readFontFile, readFontManifest } from "../fonts/manifest.js";

/** A font face loaded into memory, ready for satori. */
export interface LoadedFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

/** The CSS font-family list the card templates use: Latin first, CJK as fallback. */
export const cardFontFamily = '"Inter", "Inter Ext", "Noto Sans SC"';

let cached: Promise<LoadedFont[]> | undefined;

async function readFaces(): Promise<LoadedFont[]> {
  const faces = await readFontManifest();
  return Promise.all(
    faces.map(async (face) => ({
      name: face.family,
      weight: face.weight,
      style: "normal" as const,
      data: await readFontFile(face, "file"),
    })),
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
