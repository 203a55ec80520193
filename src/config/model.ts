import type { ErrorLocation } from "../errors.js";
import type { TalkHints } from "../talk/model.js";
import type { ThemeTokens } from "../theme/tokens.js";

/** A quote id, a fragment of a quote's text, or a quote the write-up only paraphrases. */
export type QuoteSelector = string | { text: string; by: string };

export type QuoteSelection =
  | { kind: "auto"; count: number }
  | { kind: "none" }
  | { kind: "list"; selectors: QuoteSelector[]; key: string }
  /** Cards only: the same quotes as the deck. */
  | { kind: "deck" };

export interface CardSize {
  name: string;
  width: number;
  height: number;
}

/** The settings after defaults, spec file, front matter and CLI flags are merged, in that order. */
export interface ResolvedConfig {
  /** The talk file these settings apply to. */
  talkFile: string;
  theme: ThemeTokens;
  lang: string | undefined;
  meta: {
    title?: string;
    subtitle?: string;
    author?: string;
    date?: string;
    place?: string;
    /** The event's short name, for the cards' source line. */
    event?: string;
    /** A cover image on the web (`cover:` as a URL), fetched only with `--allow-remote`. */
    coverUrl?: string;
    sourceUrl?: string;
    /** Where the talk itself can be watched (a podcast's `youtube_url`). */
    originalUrl?: string;
  };
  /** What the front matter tells the parser: speakers and their short names, a description. */
  hints: TalkHints;
  deck: {
    points: "all" | "none" | number[];
    quotes: QuoteSelection;
    speakerNotes: boolean;
    /** Exports the front matter asks for; made when a browser is installed, skipped with a note otherwise. */
    formats: Array<"pdf" | "pptx" | "png">;
  };
  cards: {
    quotes: QuoteSelection;
    sizes: CardSize[];
    /** Card template name: `cards/<layout>.html.hbs`. */
    layout: string;
    handle: string | undefined;
    /** Absolute path of a local logo image, resolved against the file that named it. */
    logo: string | undefined;
    /** The carousel's shape, when the front matter asks for one. */
    carousel: "portrait" | "tall" | "square" | undefined;
  };
  /** Absolute path of a local cover image for the title slide, resolved against the file that named it. */
  cover: string | undefined;
  /** Directory for this talk's outputs (already includes the talk's name). */
  outputDir: string;
  /** The local files the build reads besides templates (talk, spec, theme tokens, logo, cover), absolute. */
  inputFiles: string[];
  /** Where a front-matter key was written, for messages. */
  locate(path: readonly (string | number)[]): ErrorLocation;
  /** What the user should know about the front matter (keys of other tools it ignored), printed on stderr. */
  notes: string[];
}
