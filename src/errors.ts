/**
 * The one error class talkdeck prints as a friendly message. Anything else that
 * escapes is a bug and keeps its stack trace.
 */
export const ErrorCode = {
  // Exit 2: the user's input (file, front matter, flag, template) or command line is wrong.
  FileNotFound: "FILE_NOT_FOUND",
  FileUnreadable: "FILE_UNREADABLE",
  FrontMatterSyntax: "FRONT_MATTER_SYNTAX",
  FrontMatterInvalid: "FRONT_MATTER_INVALID",
  /** Front matter in a language other than YAML (`---js`): never read, never run. */
  FrontMatterLanguage: "FRONT_MATTER_LANGUAGE",
  /** A path names a folder, FIFO, device or socket instead of an ordinary file. */
  NotAFile: "NOT_A_FILE",
  /** A file larger than talkdeck reads for its kind (talk, theme, logo, template). */
  FileTooLarge: "FILE_TOO_LARGE",
  /** A text file that is not UTF-8: binary, UTF-16, or invalid bytes. */
  NotUtf8Text: "NOT_UTF8_TEXT",
  QuoteNotFound: "QUOTE_NOT_FOUND",
  QuoteAmbiguous: "QUOTE_AMBIGUOUS",
  PointNotFound: "POINT_NOT_FOUND",
  UnknownTheme: "UNKNOWN_THEME",
  UnknownTemplate: "UNKNOWN_TEMPLATE",
  TemplateError: "TEMPLATE_ERROR",
  OutputUnsafe: "OUTPUT_UNSAFE",
  QuoteTooLong: "QUOTE_TOO_LONG",
  GlyphMissing: "GLYPH_MISSING",
  /** A card template loads an image from somewhere other than a `data:` URI. */
  ImageSourceRefused: "IMAGE_SOURCE_REFUSED",
  LogoUnreadable: "LOGO_UNREADABLE",
  Usage: "USAGE",
  /** Two talks of one batch would write the same output folder. */
  OutputClash: "OUTPUT_CLASH",
  /** `talkdeck init` would replace a file, or add settings where there are some. */
  FileExists: "FILE_EXISTS",
  // Exit 1: the environment let us down (font package missing, disk full, no browser, network);
  // these are the `environmentCodes` below.
  FontMissing: "FONT_MISSING",
  WriteFailed: "WRITE_FAILED",
  /** Another build holds the output folder's lock for too long. */
  OutputBusy: "OUTPUT_BUSY",
  /** marp-cli could not make an export. */
  ExportFailed: "EXPORT_FAILED",
  /** A PDF, PPTX or slide images were asked for with no browser installed. */
  BrowserMissing: "BROWSER_MISSING",
  RemoteFetchFailed: "REMOTE_FETCH_FAILED",
  /** The browser exited or crashed instead of exporting. */
  BrowserFailed: "BROWSER_FAILED",
  /** An export did not finish within its time limit; talkdeck stopped it. */
  ExportTimedOut: "EXPORT_TIMED_OUT",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes caused by the environment rather than the user's input. */
const environmentCodes: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.FontMissing,
  ErrorCode.WriteFailed,
  ErrorCode.OutputBusy,
  ErrorCode.ExportFailed,
  ErrorCode.BrowserMissing,
  ErrorCode.RemoteFetchFailed,
  // processes
  ErrorCode.BrowserFailed,
  ErrorCode.ExportTimedOut,
]);

export interface ErrorLocation {
  file?: string;
  line?: number;
  key?: string;
}

export class TalkdeckError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: ErrorLocation; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TalkdeckError";
    this.code = code;
    this.location = options.location ?? {};
    this.hint = options.hint;
  }

  /** Exit code for the CLI: 2 for bad input or usage, 1 for the environment. */
  get exitCode(): 1 | 2 {
    return environmentCodes.has(this.code) ? 1 : 2;
  }

  /** `file:line: key: message` then the hint, the way compilers print it. */
  format(): string {
    const { file, line, key } = this.location;
    const where = [file, line === undefined ? undefined : String(line)]
      .filter((part) => part !== undefined)
      .join(":");
    const head = [where, key === undefined ? undefined : `\`${key}\``]
      .filter((part) => part !== undefined && part !== "")
      .join(": ");
    const text = head === "" ? this.message : `${head}: ${this.message}`;
    return this.hint === undefined ? text : `${text}\n  hint: ${this.hint}`;
  }
}

/** Why a write failed, in the user's words: a full disk and a read-only one are named as such. */
function writeFailureReason(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOSPC" || error.code === "EDQUOT") return "the disk is full";
  if (error.code === "EROFS") return "the disk is read-only";
  return error.message;
}

/**
 * A failed write as the environment's fault (exit 1): `cannot write WHERE:
 * reason`, with what to do. Ours are passed through as they are.
 */
export function writeFailed(error: unknown, where: string, hint: string): TalkdeckError {
  if (error instanceof TalkdeckError) return error;
  const reason = writeFailureReason((error ?? {}) as NodeJS.ErrnoException);
  return new TalkdeckError(ErrorCode.WriteFailed, `cannot write ${where}: ${reason}`, {
    hint,
    cause: error,
  });
}
