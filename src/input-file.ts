import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "./errors.js";

const MB = 1024 * 1024;

/** The most talkdeck reads of each kind of file: far above real use, far below a runaway read. */
export const INPUT_LIMITS = {
  talk: 20 * MB,
  theme: 10 * MB,
  /** The cards' logo travels inside every card as a data URI: kept small. */
  logo: 2 * MB,
  template: 10 * MB,
} as const;

/** What a file is and where its path came from, for the checks and their messages. */
export interface InputFileRules {
  /** Largest size read, in bytes. */
  maxBytes: number;
  /** What the file is, in the user's words: "talk", "logo", "theme tokens file", "template". */
  what: string;
  /**
   * Where the path was written (a front-matter key and line) when it did not
   * come from the command line; the message then names the path itself.
   */
  location?: ErrorLocation;
  /** What to do when the file is missing or cannot be read. */
  hint?: string;
}

/**
 * Read-only; never waits for a writer (a FIFO opens at once, then is refused
 * below); never makes a terminal ours. The flags that Windows lacks are 0 there.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function describe(path: string, rules: InputFileRules): { subject: string; where: ErrorLocation } {
  return rules.location === undefined
    ? { subject: `the ${rules.what}`, where: { file: path } }
    : { subject: `the ${rules.what} ${path}`, where: rules.location };
}

function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not an ordinary file";
}

function openError(path: string, rules: InputFileRules, error: unknown): TalkdeckError {
  const { subject, where } = describe(path, rules);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new TalkdeckError(ErrorCode.FileNotFound, `cannot read ${subject}: no such file`, {
      location: where,
      hint: rules.hint ?? "check the path",
      cause: error,
    });
  }
  // ENXIO: a socket; EISDIR where a folder cannot be opened at all.
  if (code === "ENXIO" || code === "EISDIR") return notAFile(path, rules, code);
  return new TalkdeckError(
    ErrorCode.FileUnreadable,
    `cannot read ${subject} (${code ?? "unknown error"})`,
    { location: where, ...(rules.hint === undefined ? {} : { hint: rules.hint }), cause: error },
  );
}

function notAFile(path: string, rules: InputFileRules, kind: string): TalkdeckError {
  const { subject, where } = describe(path, rules);
  const is = kind === "EISDIR" ? "a folder" : kind === "ENXIO" ? "a socket or device" : kind;
  return new TalkdeckError(ErrorCode.NotAFile, `${subject} is ${is}, not an ordinary file`, {
    location: where,
    hint: `name an ordinary file for the ${rules.what}: talkdeck reads no folders, pipes or devices`,
  });
}

function tooLarge(path: string, rules: InputFileRules, size: number | undefined): TalkdeckError {
  const { subject, where } = describe(path, rules);
  const measured = size === undefined ? "" : ` (${megabytes(size)})`;
  return new TalkdeckError(
    ErrorCode.FileTooLarge,
    `${subject} is larger than the ${megabytes(rules.maxBytes)} talkdeck reads for a ${rules.what}${measured}`,
    { location: where, hint: `is this the right file? A ${rules.what} is far smaller than that` },
  );
}

/**
 * Refuses what is not an ordinary file, or is already known to be too large.
 * Exported for listings that look before anything reads (the templates).
 */
export function checkOrdinaryFile(path: string, rules: InputFileRules, info: Stats): void {
  if (!info.isFile()) throw notAFile(path, rules, kindOf(info));
  if (info.size > rules.maxBytes) throw tooLarge(path, rules, info.size);
}

/** A buffer for the next read: sized from `stat`, grown up to one byte past the cap. */
function nextBuffer(current: Buffer | undefined, size: number, maxBytes: number): Buffer {
  if (current === undefined) return Buffer.alloc(Math.min(size, maxBytes) + 1);
  const grown = Buffer.alloc(Math.min(current.length * 2, maxBytes + 1));
  current.copy(grown);
  return grown;
}

/**
 * The buffer for the next read of `length` bytes so far: the same one while it
 * has room, else a larger one; refused once more than the cap has been read.
 * Shared by the async and the sync read loops.
 */
function roomToRead(
  buffer: Buffer,
  length: number,
  info: Stats,
  path: string,
  rules: InputFileRules,
): Buffer {
  if (length !== buffer.length) return buffer;
  if (length > rules.maxBytes) throw tooLarge(path, rules, undefined);
  return nextBuffer(buffer, info.size, rules.maxBytes);
}

/** A failure after the file was opened: talkdeck's own errors as they are, the system's as a read error. */
function asReadError(path: string, rules: InputFileRules, error: unknown): TalkdeckError {
  return error instanceof TalkdeckError ? error : openError(path, rules, error);
}

/**
 * Reads a file named by the user's input, checked before a byte is read: it
 * must be an ordinary file (not a folder, FIFO, device or socket) no larger
 * than `maxBytes`. The checks are made on the opened file, so a path swapped
 * for a FIFO between a check and the read cannot slip through, and the read
 * stops one byte past the cap even if the file grows (or `/proc` lies about
 * its size).
 */
export async function readInputFile(path: string, rules: InputFileRules): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(path, rules, error);
  }
  try {
    const info = await handle.stat();
    checkOrdinaryFile(path, rules, info);
    let buffer = nextBuffer(undefined, info.size, rules.maxBytes);
    let length = 0;
    for (;;) {
      buffer = roomToRead(buffer, length, info, path, rules);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
    }
  } catch (error) {
    throw asReadError(path, rules, error);
  } finally {
    await handle.close();
  }
}

/** Opens `path` without blocking, checks it is an ordinary file within the cap, and hands it to `use`. */
function withCheckedFileSync<T>(
  path: string,
  rules: InputFileRules,
  use: (fd: number, info: Stats) => T,
): T {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(path, rules, error);
  }
  try {
    const info = fstatSync(fd);
    checkOrdinaryFile(path, rules, info);
    return use(fd, info);
  } catch (error) {
    throw asReadError(path, rules, error);
  } finally {
    closeSync(fd);
  }
}

/** `readInputFile` for callers that cannot wait (the theme, read while resolving the settings). */
export function readInputFileSync(path: string, rules: InputFileRules): Buffer {
  return withCheckedFileSync(path, rules, (fd, info) => {
    let buffer = nextBuffer(undefined, info.size, rules.maxBytes);
    let length = 0;
    for (;;) {
      buffer = roomToRead(buffer, length, info, path, rules);
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
    }
  });
}

/**
 * Checks, without keeping its bytes, that a path names an ordinary file within
 * the cap. For a file that is read later, on the way to which something else
 * (the build's input hashes) would read it unchecked.
 */
export function checkInputFileSync(path: string, rules: InputFileRules): void {
  withCheckedFileSync(path, rules, () => undefined);
}

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
] as const;

/** UTF-16 without a byte-order mark: ASCII text with every other byte NUL. */
function looksLikeUtf16(data: Buffer): boolean {
  const sample = data.subarray(0, 512);
  if (sample.length < 4) return false;
  const zeros = [0, 1].map(
    (parity) => sample.filter((byte, index) => index % 2 === parity && byte === 0).length,
  );
  const half = sample.length / 2;
  return zeros.some((count) => count > half * 0.7);
}

/**
 * The byte offset where the first invalid UTF-8 sequence starts: bisection
 * with a streaming decoder finds the byte that made it invalid, and the
 * sequence starts at the lead byte that byte failed to continue, if any.
 */
function firstInvalidByte(data: Buffer): number {
  const fails = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(data.subarray(0, end), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // A prefix that fails stays failing when longer: find the shortest.
  let low = 0;
  let high = data.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  const culprit = Math.max(0, low - 1);
  const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;
  for (let start = culprit - 1; start >= Math.max(0, culprit - 3); start -= 1) {
    if ((data[start] ?? 0) >= 0xc0) return start;
    if (!isContinuation(data[start])) break;
  }
  return culprit;
}

function lineAt(data: Buffer, offset: number): number {
  let line = 1;
  for (let index = data.indexOf(0x0a); index !== -1 && index < offset; ) {
    line += 1;
    index = data.indexOf(0x0a, index + 1);
  }
  return line;
}

/**
 * Decodes a text file the user gave: UTF-8 only (a UTF-8 BOM is dropped),
 * with a clear error for binary, UTF-16 and invalid bytes rather than a deck
 * of replacement characters. Line endings become `\n`: CRLF (Windows) and a
 * lone CR (classic Mac OS) are still text, so they are read, not refused.
 */
export function decodeInputText(
  data: Buffer,
  path: string,
  rules: Pick<InputFileRules, "what" | "location">,
): string {
  const { subject, where } = describe(path, { ...rules, maxBytes: 0 });
  const fail = (message: string, hint: string, line?: number) =>
    new TalkdeckError(ErrorCode.NotUtf8Text, message, {
      location: line === undefined || rules.location !== undefined ? where : { ...where, line },
      hint,
    });
  const saveAsUtf8 = "save it as UTF-8 (most editors have it under Save As / Encoding)";
  if (UTF16_BOMS.some(([first, second]) => data[0] === first && data[1] === second)) {
    throw fail(`${subject} is UTF-16 text; talkdeck reads UTF-8`, saveAsUtf8);
  }
  if (data.includes(0)) {
    if (looksLikeUtf16(data))
      throw fail(`${subject} looks like UTF-16 text; talkdeck reads UTF-8`, saveAsUtf8);
    throw fail(
      `${subject} is not a text file (it has NUL bytes)`,
      `name the Markdown ${rules.what}, not a binary file`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    const offset = firstInvalidByte(data);
    const line = lineAt(data, offset);
    const byte = (data[offset] ?? 0).toString(16).padStart(2, "0");
    const at = rules.location === undefined ? "" : ` (line ${line})`;
    throw fail(
      `${subject} is not valid UTF-8: byte 0x${byte}${at} is not a character`,
      saveAsUtf8,
      line,
    );
  }
  return text.replace(/\r\n?/g, "\n");
}
