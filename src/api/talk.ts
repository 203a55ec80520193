/** Reading a talk for a program that embeds talkdeck: from a file, or from text it already has. */

import type { ResolvedConfig } from "../config/model.js";
import { resolveConfig } from "../config/resolve.js";
import { readAndParse } from "../read-talk.js";
import { metaOf } from "../select.js";
import { readSource } from "../source.js";
import type { Talk } from "../talk/model.js";
import { parseTalk as parseBody } from "../talk/parse.js";

export interface ParseTalkOptions {
  /**
   * The file the text stands for (default `talk.md`): named in notes and
   * errors, its name is the title of a write-up that has none, and paths in
   * the front matter (a theme tokens file) resolve against its folder.
   */
  file?: string;
}

/** The talk with its meta as a build shows it (`metaOf`), and the settings' notes with its own. */
function withConfigMeta(talk: Talk, config: ResolvedConfig): Talk {
  const notes = [...new Set([...config.notes, ...talk.notes])];
  return { ...talk, meta: metaOf(talk, config), notes };
}

/**
 * Parses a talk given as text: Markdown, with or without talkdeck's YAML front
 * matter, read as `talkdeck build` reads a talk file (the front matter's
 * speakers, title and description guide the parser, its meta is merged into
 * `meta`). Nothing is written; the disk is read only for a theme tokens file
 * the front matter names. Throws a `TalkdeckError` for invalid front matter.
 */
export function parseTalk(markdown: string, options: ParseTalkOptions = {}): Talk {
  const file = options.file ?? "talk.md";
  const source = readSource(markdown, file);
  const config = resolveConfig(source, undefined);
  return withConfigMeta(parseBody(source.body, file, config.hints), config);
}

/**
 * Reads and parses a talk file, or a spec file whose `source:` names the talk,
 * exactly as `talkdeck build` reads it (see `parseTalk`). Throws a
 * `TalkdeckError` when the file is missing, unreadable or its front matter invalid.
 */
export async function readTalk(file: string): Promise<Talk> {
  const { parsed, config } = await readAndParse(file);
  return withConfigMeta(parsed, config);
}
