/** Talks the tests read (`fixturePath` names them): as text, as talkdeck reads a file, parsed. */
import { readFileSync } from "node:fs";
import { resolveConfig } from "../../src/config/resolve.js";
import { readSource, type Source } from "../../src/source.js";
import type { Talk } from "../../src/talk/model.js";
import { parseTalk } from "../../src/talk/parse.js";
import { fixturePath } from "./paths.js";

/** The text of a talk: a file name in test/fixtures/talks/, or a whole path (`samplePath`, `examplePath`). */
export function fixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

/** The talk as talkdeck reads its file: front matter and body. */
export function fixtureSource(name: string): Source {
  return readSource(fixture(name), fixturePath(name));
}

/** The talk parsed as a build parses it: its front matter gives the parser its hints. */
export function fixtureTalk(name: string): Talk {
  const source = fixtureSource(name);
  return parseTalk(source.body, source.file, resolveConfig(source, undefined).hints);
}
