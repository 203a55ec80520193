/** What a build is asked for and what it gives back: shared by the build, its pipeline, the CLI and the preview. */
import type { CardPool } from "./cards/pool.js";
import type { CliOverrides } from "./config/resolve.js";
import type { BrowserFormat } from "./deck/build-deck.js";
import type { Selection } from "./select.js";
import type { Source } from "./source.js";
import type { Talk } from "./talk/model.js";

/** A talk as a build read it: its files, its settings, the parsed talk and what was chosen. */
export interface TalkAsRead {
  source: Source;
  specSource: Source | undefined;
  talk: Talk;
  selection: Selection;
}

export interface BuildOptions extends CliOverrides {
  /** A folder of the user's templates, overriding ours by file name. */
  templatesDir?: string;
  /** Exports asked for on the command line (`--pdf`, `--pptx`, `--images`). */
  formats?: BrowserFormat[];
  /** Fetch remote images of the talk (its cover), with a time limit and a size cap. */
  allowRemote?: boolean;
  /** Worker threads for drawing cards (default: the machine's cores). */
  jobs?: number;
  /** Draw only this share of the cards: `{ index: 1, count: 2 }` is every second card from the first. */
  shard?: { index: number; count: number };
  /** Called after each card is drawn. */
  onProgress?: (done: number, total: number) => void;
  /** The browser for PDF/PPTX/PNG exports: found on the machine when not given, none when `false`. */
  browser?: string | false;
  /** Build even when nothing changed since the last build with the same options. */
  force?: boolean;
  /** Card worker threads kept between builds by the caller (a watch session), which also ends them. */
  cardPool?: CardPool;
  /** Called once the talk is read, before rendering: a watcher reuses the parse instead of parsing again. */
  onRead?: (read: TalkAsRead) => void;
}

export interface BuildResult {
  outputDir: string;
  slides: number;
  cards: number;
  /** Images of the carousel (`cards.carousel`), when the front matter asks for one. */
  carouselImages?: number;
  files: string[];
  notes: string[];
  /** Exports asked for on the command line that could not be made: no browser. */
  missingExports: BrowserFormat[];
  /** Cards drawn in this build; the others were unchanged and kept. */
  cardsRendered: number;
  /** Nothing changed since the last build with the same options: nothing was parsed, drawn or written. */
  unchanged: boolean;
}
