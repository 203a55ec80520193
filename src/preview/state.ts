/**
 * What the preview page shows besides the outputs: the quote candidates,
 * which of them the deck and the cards use, and the file the choices are
 * written to with the hash of its bytes (the page sends it back with a
 * choice, so an edit made meanwhile is never overwritten).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import type { TalkAsRead } from "../build-options.js";
import type { QuoteSelector, ResolvedConfig } from "../config/model.js";
import type { CliOverrides } from "../config/resolve.js";
import { readAndParse } from "../read-talk.js";
import { select } from "../select.js";
import type { Quote, Talk } from "../talk/model.js";
import type { PickView, QuoteList } from "./toggle.js";

export interface Candidate {
  id: string;
  text: string;
  speaker: string;
  score: number;
  line: number;
  why: string[];
  /** Ranked by the parser; false for a sentence or paraphrase only the front matter chose. */
  ranked: boolean;
  onDeck: boolean;
  onCards: boolean;
}

export interface PreviewState {
  title: string;
  /** The file choices are written to (the talk, or the spec file preview was run on), as shown. */
  settingsFile: string;
  settingsHash: string;
  candidates: Candidate[];
}

/** A talk read the way the build reads it, with what the toggle needs. */
export interface ReadTalk {
  state: PreviewState;
  view: PickView;
  /** Absolute path of the file choices go to. */
  settingsPath: string;
  /** Whether the talk's own front matter sets `deck.quotes` / `cards.quotes` (it wins over a spec file). */
  talkSets: Record<QuoteList, boolean>;
  fromSpecFile: boolean;
}

/** A path as the user would type it: relative below the working folder, else absolute. */
function shownPath(file: string): string {
  const near = relative(process.cwd(), file);
  return near === "" || near.startsWith("..") || isAbsolute(near) ? file : near;
}

/** The hash of a file's bytes as they are on disk (BOM and line breaks included). */
export function hashBytes(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The id a single selector names, found by the build's own selection rules. */
function resolver(talk: Talk, config: ResolvedConfig): (selector: unknown) => string | undefined {
  return (selector) => {
    const valid =
      typeof selector === "string" ||
      (typeof selector === "object" &&
        selector !== null &&
        typeof (selector as { text?: unknown }).text === "string" &&
        typeof (selector as { by?: unknown }).by === "string");
    if (!valid) return undefined;
    const alone: ResolvedConfig = {
      ...config,
      deck: {
        ...config.deck,
        quotes: { kind: "list", selectors: [selector as QuoteSelector], key: "deck.quotes" },
      },
      cards: { ...config.cards, quotes: { kind: "none" } },
    };
    try {
      return select(talk, alone).deckQuotes[0]?.id;
    } catch {
      // A selector that names nothing (or two quotes) names no quote to toggle.
      return undefined;
    }
  };
}

function candidate(quote: Quote, ranked: boolean, deck: Set<string>, cards: Set<string>) {
  const { id, text, speaker, score, line, why } = quote;
  return {
    id,
    text,
    speaker,
    score,
    line,
    why,
    ranked,
    onDeck: deck.has(id),
    onCards: cards.has(id),
  } satisfies Candidate;
}

function hasQuotes(data: Record<string, unknown>, list: QuoteList): boolean {
  const section = data[list];
  return typeof section === "object" && section !== null && Object.hasOwn(section, "quotes");
}

/** Reads the talk (and spec) as the build does; throws the build's errors. */
export async function readTalk(file: string, overrides: CliOverrides): Promise<ReadTalk> {
  const {
    talk: source,
    spec: specSource,
    config,
    parsed: talk,
  } = await readAndParse(file, overrides);
  return pickView({ source, specSource, talk, selection: select(talk, config) });
}

/** The candidates and choices of a talk already read (by a build, or by `readTalk`). */
export async function pickView({
  source,
  specSource,
  talk,
  selection,
}: TalkAsRead): Promise<ReadTalk> {
  const deck = selection.deckQuotes.map((quote) => quote.id);
  const cards = selection.cardQuotes.map((quote) => quote.id);
  const ranked = new Set(talk.quotes.map((quote) => quote.id));
  // Quotes only the front matter chose come first: they are on the slides or cards but in no ranking.
  const extra = [...selection.deckQuotes, ...selection.cardQuotes].filter(
    (quote, index, all) =>
      !ranked.has(quote.id) && all.findIndex((other) => other.id === quote.id) === index,
  );
  const onDeck = new Set(deck);
  const onCards = new Set(cards);
  const settings = specSource ?? source;
  const byId = new Map([...extra, ...talk.quotes].map((quote) => [quote.id, quote]));
  const view: PickView = {
    resolve: resolver(talk, selection.config),
    selected: { deck, cards },
    selectorFor: (id) => {
      const quote = byId.get(id);
      if (quote === undefined || ranked.has(id)) return id;
      // A made-up id is not one the next build gives back: name the quote by its words.
      return selection.paraphrased.has(id) ? { text: quote.text, by: quote.speaker } : quote.text;
    },
  };
  return {
    state: {
      title: selection.meta.title,
      settingsFile: shownPath(settings.file),
      settingsHash: hashBytes(await readFile(settings.file)),
      candidates: [
        ...extra.map((quote) => candidate(quote, false, onDeck, onCards)),
        ...talk.quotes.map((quote) => candidate(quote, true, onDeck, onCards)),
      ],
    },
    view,
    settingsPath: settings.file,
    talkSets: { deck: hasQuotes(source.data, "deck"), cards: hasQuotes(source.data, "cards") },
    fromSpecFile: specSource !== undefined,
  };
}
