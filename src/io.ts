import { TalkdeckError, writeFailed } from "./errors.js";
import { printable } from "./printable.js";

/** Where a command writes: the process's streams, or a test's. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Node's errors for a full or read-only disk: the environment's doing, never a bug. */
const DISK_ERRORS: ReadonlySet<string> = new Set(["ENOSPC", "EDQUOT", "EROFS"]);

/** Ours as it is; a full or read-only disk as a write error; anything else is a bug. */
function asTalkdeckError(error: unknown): TalkdeckError | undefined {
  if (error instanceof TalkdeckError) return error;
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === undefined || !DISK_ERRORS.has(code)) return undefined;
  return writeFailed(
    error,
    path ?? "a file",
    "free some space (or pick a writable folder), then build again",
  );
}

/**
 * Prints one failure the way every command does: ours as `file:line: message`
 * and a hint, anything unexpected with its stack so it can be reported.
 * `talk` names the talk a batch was building, when the message does not.
 * Returns the exit code the failure calls for.
 */
export function reportError(error: unknown, io: Io, talk?: string): number {
  const known = asTalkdeckError(error);
  if (known === undefined) {
    io.stderr.write(
      `talkdeck: internal error (please report it)${talk === undefined ? "" : ` while building ${talk}`}\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    return 1;
  }
  const text = known.format();
  const named = talk === undefined || text.includes(talk) ? text : `${talk}: ${text}`;
  io.stderr.write(`talkdeck: error: ${printable(named)}\n`);
  return known.exitCode;
}
