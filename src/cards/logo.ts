import { readFile } from "node:fs/promises";
import { imageSize } from "image-size";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { IMAGE_MIME, type ImageExtension } from "../output/image-types.js";
import type { CardLogo } from "./render.js";

const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Formats satori draws as an `<img>`. */
const LOGO_TYPES: readonly ImageExtension[] = ["png", "jpg", "svg"];

/** Reads the user's logo from a local file (never a URL) into a data URI with its size. */
export async function loadLogo(path: string, where: ErrorLocation): Promise<CardLogo> {
  const fail = (message: string, cause?: unknown) =>
    new TalkdeckError(ErrorCode.LogoUnreadable, message, {
      location: where,
      hint: "give `cards.logo` the path of a local PNG, JPEG or SVG file, relative to the file that names it",
      cause,
    });
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw fail(`cannot read the logo ${path}`, error);
  }
  if (data.length > MAX_LOGO_BYTES) throw fail(`the logo ${path} is larger than 2 MB`);
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(data);
  } catch (error) {
    throw fail(`the logo ${path} is not an image talkdeck can read`, error);
  }
  const type = LOGO_TYPES.find((extension) => extension === size.type);
  if (type === undefined || size.width === 0 || size.height === 0) {
    throw fail(`the logo ${path} is ${size.type ?? "an unknown format"}, not PNG, JPEG or SVG`);
  }
  return {
    dataUri: `data:${IMAGE_MIME[type]};base64,${data.toString("base64")}`,
    width: size.width,
    height: size.height,
  };
}
