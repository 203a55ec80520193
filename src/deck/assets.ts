import QRCode from "qrcode";
import type { EmojiSet } from "../cards/emoji.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { recentByKey } from "../once.js";
import { extensionFor, type ImageExtension } from "../output/image-types.js";
import type { OutputFile } from "../output/write.js";

const drawnCodes = new Map<string, Promise<string>>();

/** A QR code of a link as SVG, drawn offline, dark on white so it scans on any theme. */
export function qrSvgText(url: string, margin: number): Promise<string> {
  return recentByKey(drawnCodes, `${margin} ${url}`, 8, () =>
    QRCode.toString(url, {
      type: "svg",
      margin,
      errorCorrectionLevel: "M",
      color: { dark: "#000000", light: "#ffffff" },
    }),
  );
}

/** The deck's QR code of the source link: `qr.svg` beside deck.md. */
export async function qrCodeSvg(url: string): Promise<OutputFile> {
  return { name: "qr.svg", data: await qrSvgText(url, 1) };
}

/** The Twemoji files the slides use (`emoji/svg/1f680.svg`), copied from the offline set. */
export async function emojiFiles(
  paths: readonly string[],
  emoji: EmojiSet,
): Promise<{ files: OutputFile[]; missing: string[] }> {
  const files: OutputFile[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const name = /([0-9a-f-]+)\.svg$/.exec(path)?.[1] ?? "";
    const data = await emoji.svgByName(name);
    if (data === undefined) missing.push(name);
    else files.push({ name: path, data });
  }
  return { files, missing };
}

/** Remote images talkdeck accepts: raster formats only (a remote SVG is a document, not a picture). */
const REMOTE_TYPES: readonly ImageExtension[] = ["jpg", "png", "webp", "gif"];

/**
 * Fetches a remote image (only with `--allow-remote`): http(s) only, a time
 * limit, a size cap, and an image content type, or an error saying which failed.
 */
export async function fetchImage(
  url: string,
  name: string,
  limits: { timeoutMs: number; maxBytes: number } = {
    timeoutMs: 10_000,
    maxBytes: 5 * 1024 * 1024,
  },
): Promise<OutputFile> {
  const fail = (why: string, cause?: unknown) =>
    new TalkdeckError(ErrorCode.RemoteFetchFailed, `cannot fetch ${url}: ${why}`, { cause });
  if (!/^https?:\/\//i.test(url)) throw fail("only http and https links are fetched");
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(limits.timeoutMs),
      redirect: "follow",
    });
  } catch (error) {
    throw fail(
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer in ${limits.timeoutMs / 1000} s`
        : String(error),
      error,
    );
  }
  if (!response.ok || response.body === null) throw fail(`HTTP ${response.status}`);
  const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const extension = extensionFor(type, REMOTE_TYPES);
  if (extension === undefined) throw fail(`not an image (${type || "no content type"})`);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw fail(`larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(Buffer.from(read.value));
  }
  return { name: `${name}.${extension}`, data: Buffer.concat(chunks) };
}
