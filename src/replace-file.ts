import { randomBytes } from "node:crypto";
import { readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ErrorCode, TalkdeckError, writeFailed } from "./errors.js";

/** What to tell the user when a replace cannot go ahead. */
export interface ReplaceHints {
  /** The file changed on disk since it was read (only with `expected`). */
  changed: string;
  /** The write itself failed (a read-only folder, a full disk). */
  failed: string;
}

/**
 * Writes `data` to `path` through a new file in the same folder and a rename:
 * a reader sees the old file or the new one, never half of one. With
 * `expected`, the file must still hold exactly that text (an edit made since
 * it was read is not lost); a new file's mode follows the old one's.
 * A symbolic link is followed: its target gets the new text, the link stays.
 * Shared by `init` and the preview's quote picking, which both edit the
 * user's own files.
 */
export async function replaceFile(
  path: string,
  data: string,
  hints: ReplaceHints,
  expected?: string,
): Promise<void> {
  // A symlinked talk is edited where it lives: the rename replaces the target, not the link.
  const target = await realpath(path).catch(() => path);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const mode = (await stat(target).catch(() => undefined))?.mode;
    await writeFile(temporary, data, { flag: "wx", ...(mode === undefined ? {} : { mode }) });
    if (expected !== undefined && (await readFile(path, "utf8")) !== expected) {
      throw new TalkdeckError(ErrorCode.FileExists, `${path} changed while talkdeck read it`, {
        hint: hints.changed,
      });
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof TalkdeckError) throw error;
    throw writeFailed(error, path, hints.failed);
  }
}
