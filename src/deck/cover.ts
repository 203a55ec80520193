import { basename } from "node:path";
import { INPUT_LIMITS, readInputFile } from "../input-file.js";
import type { ImageExtension } from "../output/image-types.js";
import type { OutputFile } from "../output/write.js";

/** The first bytes of each image format a slide background may be. */
const SIGNATURES: ReadonlyArray<[ImageExtension, (data: Buffer) => boolean]> = [
  ["png", (data) => data.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex"))],
  ["jpg", (data) => data.subarray(0, 3).equals(Buffer.from("ffd8ff", "hex"))],
  ["gif", (data) => /^GIF8[79]a$/.test(data.subarray(0, 6).toString("latin1"))],
  [
    "webp",
    (data) =>
      data.subarray(0, 4).toString("latin1") === "RIFF" &&
      data.subarray(8, 12).toString("latin1") === "WEBP",
  ],
];

/** The image format the bytes are, whatever the file is called. */
export function imageTypeOf(data: Buffer): ImageExtension | undefined {
  return SIGNATURES.find(([, matches]) => matches(data))?.[0];
}

/**
 * The user's local cover (`cover:`, a path resolve.ts has already confined
 * to the talk's folder) as `cover.<ext>` next to deck.md, named by what its
 * bytes are: a file that is no PNG, JPEG, GIF or WebP is left out with a note
 * naming it (an SVG is a document that could fetch or run things).
 */
export async function localCoverFile(
  path: string,
  notes: string[],
): Promise<OutputFile | undefined> {
  let data: Buffer;
  try {
    data = await readInputFile(path, { maxBytes: INPUT_LIMITS.logo, what: "cover image" });
  } catch (error) {
    notes.push(`the cover image ${basename(path)} was left out: ${(error as Error).message}`);
    return undefined;
  }
  const type = imageTypeOf(data);
  if (type === undefined) {
    notes.push(
      `the cover image ${basename(path)} was left out: it is not a PNG, JPEG, GIF or WebP image`,
    );
    return undefined;
  }
  return { name: `cover.${type}`, data };
}
