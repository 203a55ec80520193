/**
 * `talkdeck init [FILE] [--spec] [--force]`: settings for an existing
 * write-up (a commented front matter block, or a spec file beside it), or a
 * starter talk.md when no file is named. It never replaces a file without
 * `--force`, and never touches a write-up that already has talkdeck settings.
 */
import { stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { OWN_KEYS } from "../config/foreign.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { INPUT_LIMITS, readInputFile } from "../input-file.js";
import { loadAndResolve } from "../load-talk.js";
import { replaceFile } from "../replace-file.js";
import { frontMatterClose } from "../source.js";
import { parseTalk } from "../talk/parse.js";
import { initBlock } from "./init-block.js";
import { STARTER_TALK } from "./starter.js";

export interface InitFlags {
  spec?: boolean;
  force?: boolean;
}

/** The body of a spec file is the user's own slides: said in the YAML, since any body would be a slide. */
const SPEC_BODY_NOTE =
  "# Slides of your own go below the closing ---, after talkdeck's: Marp Markdown, --- between slides.";

const today = () => new Date().toISOString().slice(0, 10);

/** talkdeck's settings: a write-up with any of these has been set up already. */
const SETTINGS_KEYS = OWN_KEYS.filter(
  (key) => key !== "title" && key !== "author" && key !== "date",
);

/** What init says when it cannot replace a file. */
const INIT_HINTS = {
  changed: "run `talkdeck init` again",
  failed: "check that the folder is writable, then run init again",
} as const;

async function refuseExisting(path: string, force: boolean, hint: string): Promise<void> {
  if (force || (await stat(path).catch(() => undefined)) === undefined) return;
  throw new TalkdeckError(ErrorCode.FileExists, `${path} exists: init does not replace it`, {
    hint,
  });
}

/** `talk.md` → `talk.talkdeck.md`, beside it. */
export function specFileFor(talkFile: string): string {
  const extension = extname(talkFile);
  return join(dirname(talkFile), `${basename(talkFile, extension)}.talkdeck.md`);
}

/** The file with the block added to its front matter, or a front matter made for it. */
function withBlock(text: string, block: readonly string[]): string {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = block.join(newline);
  const close = frontMatterClose(text);
  if (close !== undefined) return `${text.slice(0, close)}${newline}${lines}${text.slice(close)}`;
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  return `${bom}---${newline}${lines}${newline}---${newline}${newline}${text.slice(bom.length)}`;
}

/** Runs init; returns what it wrote, for the terminal. */
export async function runInit(file: string | undefined, flags: InitFlags): Promise<string> {
  const force = flags.force === true;
  if (file === undefined) {
    const path = resolve("talk.md");
    await refuseExisting(
      path,
      force,
      "`talkdeck init talk.md` adds settings to it; --force replaces it with a starter talk",
    );
    await replaceFile(path, STARTER_TALK, INIT_HINTS);
    return `wrote ${path}: a starter talk; \`talkdeck build talk.md\` renders it\n`;
  }
  const { talk: source, spec, config } = await loadAndResolve(file);
  if (spec !== undefined) {
    throw new TalkdeckError(ErrorCode.FileExists, "this is a spec file already", {
      location: { file },
      hint: `edit it, or run \`talkdeck init ${relative(".", source.file)}\` on the talk`,
    });
  }
  const talk = parseTalk(source.body, source.file, config.hints);
  if (flags.spec === true) {
    const path = specFileFor(source.file);
    await refuseExisting(path, force, "edit it, or pass --force to write it again");
    const sourceLine = `source: ./${basename(source.file)}`;
    const block = initBlock(talk, relative(".", path), today());
    await replaceFile(
      path,
      `---\n${[sourceLine, ...block, SPEC_BODY_NOTE].join("\n")}\n---\n`,
      INIT_HINTS,
    );
    return `wrote ${path}: settings for ${basename(source.file)}, which is left as it is\n`;
  }
  const present = SETTINGS_KEYS.filter((key) => Object.hasOwn(source.data, key));
  if (present.length > 0) {
    throw new TalkdeckError(
      ErrorCode.FileExists,
      `the write-up already has talkdeck settings (${present.join(", ")})`,
      {
        location: source.locate([present[0] ?? ""]),
        hint: `edit them, or write a spec file beside it: talkdeck init --spec ${relative(".", source.file)}`,
      },
    );
  }
  const block = initBlock(talk, relative(".", source.file), today());
  // The file as it is on disk (CRLF and BOM kept), not as decoded for parsing.
  const raw = (
    await readInputFile(source.file, { maxBytes: INPUT_LIMITS.talk, what: "talk" })
  ).toString("utf8");
  await replaceFile(source.file, withBlock(raw, block), INIT_HINTS, raw);
  return `added talkdeck settings to the front matter of ${source.file}\n`;
}
