/**
 * The write behind a click on "on slides" / "on cards": the settings file's
 * front matter edited (comments and order kept) and replaced atomically, but
 * only when the file is still the one the page showed.
 */
import { readFile } from "node:fs/promises";
import type { CliOverrides } from "../config/resolve.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { replaceFile } from "../replace-file.js";
import { editFrontMatter } from "./front-matter-edit.js";
import { hashBytes, readTalk } from "./state.js";
import { type ToggleRequest, toggleQuote } from "./toggle.js";

/** A choice that cannot be written, with the HTTP status that says why. */
export class PickRefused extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = "PickRefused";
  }
}

const HINTS = {
  changed: "the page shows the file as it is now: choose again",
  failed: "check that the file and its folder are writable",
} as const;

/** Writes one choice; returns the new hash of the settings file (the same when nothing changed). */
export async function applyPick(
  file: string,
  overrides: CliOverrides,
  request: ToggleRequest,
  seenHash: string,
): Promise<{ hash: string; changed: boolean }> {
  let read: Awaited<ReturnType<typeof readTalk>>;
  try {
    read = await readTalk(file, overrides);
  } catch (error) {
    if (!(error instanceof TalkdeckError)) throw error;
    throw new PickRefused(422, `fix this first: ${error.format()}`);
  }
  const bytes = await readFile(read.settingsPath);
  if (hashBytes(bytes) !== seenHash) {
    throw new PickRefused(
      409,
      `${read.state.settingsFile} changed on disk since the page read it: nothing was written; the page now shows it as it is, choose again`,
    );
  }
  if (read.fromSpecFile && read.talkSets[request.list]) {
    throw new PickRefused(
      409,
      `the talk's own front matter sets \`${request.list}.quotes\`, which wins over ${read.state.settingsFile}: choose there, or remove it from the talk`,
    );
  }
  if (!read.state.candidates.some((candidate) => candidate.id === request.id)) {
    throw new PickRefused(404, `no quote has the id ${request.id}`);
  }
  const text = bytes.toString("utf8");
  let changed = false;
  let next: string;
  try {
    next = editFrontMatter(text, read.settingsPath, (document) => {
      changed = toggleQuote(document, request, read.view);
    });
  } catch (error) {
    if (error instanceof TalkdeckError) throw new PickRefused(422, error.format());
    // The yaml package refuses to set a key under a value that is no map (`deck: 3`).
    throw new PickRefused(
      422,
      `cannot set \`${request.list}.quotes\`: ${(error as Error).message}`,
    );
  }
  if (!changed) return { hash: seenHash, changed: false };
  try {
    await replaceFile(read.settingsPath, next, HINTS, text);
  } catch (error) {
    if (error instanceof TalkdeckError && error.code === ErrorCode.FileExists) {
      throw new PickRefused(409, error.format());
    }
    throw error;
  }
  return { hash: hashBytes(next), changed: true };
}
