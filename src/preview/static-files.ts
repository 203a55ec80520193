/**
 * The output folder over HTTP: `/out/<path>` is a file inside the talk's
 * output folder or nothing. The path is taken apart before it is decoded
 * (an encoded `/` or `\` is refused, not split on), no segment may be empty,
 * `.`, `..` or hidden, and the file's real path (symlinks followed) must
 * still be inside the folder's real path.
 */
import { constants, type Stats } from "node:fs";
import { type FileHandle, open, realpath } from "node:fs/promises";
import { extname, join, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** The decoded segments of a URL path below `/out/`, or undefined when any is not a plain name. */
function segmentsOf(encoded: string): string[] | undefined {
  // Encoded separators and NUL would be split on by the file system, not by us.
  if (/%(2f|5c|00)/i.test(encoded) || encoded.includes("\\")) return undefined;
  const segments: string[] = [];
  for (const part of encoded.split("/")) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (name === "" || name.startsWith(".") || /[/\\\0]/.test(name)) return undefined;
    segments.push(name);
  }
  return segments;
}

/** The real path `segments` name inside `root`, when they resolve there; otherwise undefined. */
async function outputPath(root: string, segments: readonly string[]): Promise<string | undefined> {
  try {
    const inside = await realpath(root);
    const real = await realpath(join(inside, ...segments));
    return real.startsWith(inside + sep) ? real : undefined;
  } catch {
    // Not there (or the folder is being swapped).
    return undefined;
  }
}

/** An output file opened for serving: the handle and what it is, both of the same file. */
export interface OpenedOutput {
  path: string;
  handle: FileHandle;
  info: Stats;
}

/**
 * Opens the output file a `/out/…` path names. A build swaps the whole
 * folder in with two renames, so a file found a moment ago may be gone (or
 * its folder renamed) by the time it is opened: it is looked up again, a
 * few times, before it counts as missing. Once open, the handle holds the
 * file whatever the next swap does, so it is served whole.
 */
export async function openOutput(root: string, encoded: string): Promise<OpenedOutput | undefined> {
  const segments = segmentsOf(encoded);
  if (segments === undefined) return undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const path = await outputPath(root, segments);
    // Non-blocking: a FIFO the user left in the folder must not hang the server; fstat refuses it.
    const handle =
      path === undefined
        ? undefined
        : await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
    if (path !== undefined && handle !== undefined) {
      const info = await handle.stat();
      if (info.isFile()) return { path, handle, info };
      await handle.close();
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}
