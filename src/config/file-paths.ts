/**
 * Paths that a file's front matter names (`output:`, `cover:`, `logo:`):
 * the file may come from someone else, so each stays inside that file's
 * folder, and an image is refused early when it is not a regular file of a
 * sensible size.
 */
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve as resolvePath, sep, win32 } from "node:path";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { checkInputFileSync, INPUT_LIMITS } from "../input-file.js";

/** Whether a path relative to a folder (from `relative`) leaves that folder. */
function climbsOut(inside: string): boolean {
  return inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}

/**
 * Whether a link on the way (`out -> /etc`, committed to a repository)
 * leads `path` out of `folder`: the deepest part that exists, links
 * resolved, must still be inside the folder's real path.
 */
function leadsOut(folder: string, path: string): boolean {
  const real = (target: string) => {
    try {
      return realpathSync(target);
    } catch {
      return undefined;
    }
  };
  const realFolder = real(folder);
  if (realFolder === undefined) return false;
  let existing = path;
  let target = real(existing);
  while (target === undefined && dirname(existing) !== existing) {
    existing = dirname(existing);
    target = real(existing);
  }
  return climbsOut(relative(realFolder, target ?? existing));
}

/**
 * An `output:` written in a file names a folder inside that file's folder: not
 * an absolute path, and no `..` that climbs out of it once resolved. A talk
 * someone sent must not choose where on this machine files are written; the
 * command line's `-o` is the user's own choice and is not held to this.
 */
export function outputInFileFolder(value: string, origin: string, location: ErrorLocation): string {
  const folder = dirname(resolvePath(origin));
  const resolved = resolvePath(folder, value);
  if (
    isAbsolute(value) ||
    win32.isAbsolute(value) ||
    climbsOut(relative(folder, resolved)) ||
    leadsOut(folder, resolved)
  ) {
    throw new TalkdeckError(
      ErrorCode.OutputUnsafe,
      `\`${value}\` is outside the folder of ${origin}: an \`output:\` in a file stays inside that file's folder`,
      {
        location,
        hint: "write a folder inside it, such as `output: out`; to write somewhere else, say so on the command line: `talkdeck build FILE -o DIR`",
      },
    );
  }
  return resolved;
}

/**
 * `cover:` is also other tools' key (a Hugo theme's page image), so a cover
 * that cannot be used is left out with a note, never an error: one outside
 * the folder of the file that names it (the write-up is untrusted: its cover
 * must not read the user's other files into the deck), missing, or not a
 * regular file of a sensible size.
 */
export function localCover(value: string, origin: string, notes: string[]): string | undefined {
  const folder = dirname(resolvePath(origin));
  const path = resolvePath(folder, value);
  const leaveOut = (why: string) => {
    notes.push(`the cover image \`${value}\` (${origin}) was left out: ${why}`);
    return undefined;
  };
  if (
    isAbsolute(value) ||
    win32.isAbsolute(value) ||
    climbsOut(relative(folder, path)) ||
    leadsOut(folder, path)
  )
    return leaveOut("a cover stays inside the folder of the file that names it");
  try {
    checkInputFileSync(path, { maxBytes: INPUT_LIMITS.logo, what: "cover image" });
  } catch (error) {
    if (error instanceof TalkdeckError) return leaveOut(error.message);
    throw error;
  }
  return path;
}

/**
 * A logo is drawn on cards meant to be posted: one named by a file must be
 * inside that file's folder, or a write-up from elsewhere could put any image
 * of the user's disk on a public card.
 */
export function logoInFileFolder(value: string, origin: string, location: ErrorLocation): void {
  const folder = dirname(resolvePath(origin));
  const path = resolvePath(folder, value);
  if (
    !isAbsolute(value) &&
    !win32.isAbsolute(value) &&
    !climbsOut(relative(folder, path)) &&
    !leadsOut(folder, path)
  )
    return;
  throw new TalkdeckError(
    ErrorCode.ImageSourceRefused,
    `\`${value}\` is outside the folder of ${origin}: a logo stays inside the folder of the file that names it`,
    {
      location,
      hint: "copy the logo next to the talk (or into a folder inside it) and name it relatively: `logo: ./logo.png`",
    },
  );
}

/**
 * The logo is read when the cards are drawn, but the build reads its input
 * files (to hash them) before that: refuse a FIFO, a device or an oversized
 * file now, when it is only opened. A missing logo is for the drawing to
 * report, so that `talkdeck quotes` works without it.
 */
export function checkImageFile(path: string, what: "logo", location: ErrorLocation): void {
  try {
    checkInputFileSync(path, { maxBytes: INPUT_LIMITS.logo, what, location });
  } catch (error) {
    if (error instanceof TalkdeckError && error.code === ErrorCode.FileNotFound) return;
    throw error;
  }
}
