/**
 * talkdeck as a library: read a talk, build it as the CLI does, draw a quote
 * card. Everything else in the package is internal and may change in any
 * release; see "Use it from JavaScript" in the README.
 */

/** Builds one talk as `talkdeck build FILE` does, into `<output>/<talk>/`, and says what it made. */
export { type BuildOptions, buildTalk } from "./api/build.js";
/** Draws one quote card as a PNG buffer (a preset or custom size, a theme), with the build's fonts and templates. */
export { type CardSizeName, type RenderCardOptions, renderCard } from "./api/render-card.js";
/** Parse a talk from text (`parseTalk`) or a file (`readTalk`): title, speakers, points, quotes ranked best first. */
export { type ParseTalkOptions, parseTalk, readTalk } from "./api/talk.js";
/** What a build made: its folder, counts, files, notes, and exports it could not make. */
export type { BuildResult } from "./build-options.js";
/** The error every function throws for bad input or a failing environment: a `code`, a `location`, a `hint`. */
export { ErrorCode, type ErrorLocation, TalkdeckError } from "./errors.js";
/** Where `run` writes: any two objects with `write(text)`. */
export type { Io } from "./io.js";
/** The CLI as a function: `run(["build", "talk.md"])` resolves to the exit code and never exits the process. */
export { run } from "./run.js";
/** The parsed talk and its parts. */
export type { Point, Quote, Speaker, Talk, TalkMeta, Turn } from "./talk/model.js";
/** A theme's tokens: the `color` of one can be given to `renderCard`. */
export type { ThemeTokens } from "./theme/tokens.js";
