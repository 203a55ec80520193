import { imageSize } from "image-size";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { INPUT_LIMITS, readInputFile } from "../input-file.js";
import { IMAGE_MIME, type ImageExtension } from "../output/image-types.js";
import type { CardLogo } from "./render.js";

/** Formats satori draws as an `<img>`. */
const LOGO_TYPES: readonly ImageExtension[] = ["png", "jpg", "svg"];

/** Reads the user's logo from a local file (never a URL) into a data URI with its size. */
export async function loadLogo(path: string, where: ErrorLocation): Promise<CardLogo> {
  const hint =
    "give `cards.logo` the path of a local PNG, JPEG or SVG file, relative to the file that names it";
  const fail = (message: string, cause?: unknown) =>
    new TalkdeckError(ErrorCode.LogoUnreadable, message, { location: where, hint, cause });
  // An ordinary file of at most 2 MB: it travels inside every card as a data URI.
  const data = await readInputFile(path, {
    maxBytes: INPUT_LIMITS.logo,
    what: "logo",
    location: where,
    hint,
  });
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
