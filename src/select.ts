import { closest } from "fastest-levenshtein";
import { estimateFit } from "./cards/capacity.js";
import { HAN } from "./cjk.js";
import type { CardSize, QuoteSelection, QuoteSelector, ResolvedConfig } from "./config/model.js";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "./errors.js";
import type { Point, Quote, Talk, TalkMeta } from "./talk/model.js";
import { quoteHash } from "./talk/quotes.js";
import { splitSentences } from "./talk/sentences.js";
import { normalizeForMatch, readingLength } from "./talk/text.js";

/**
 * What goes into the outputs: the parts of the talk the build chose, and the
 * settings they are shown with. Choices are made here; settings are only
 * carried, in `config`, whose `locate` says where each was written.
 */
export interface Selection {
  talk: Talk;
  meta: TalkMeta;
  points: Point[];
  deckQuotes: Quote[];
  cardQuotes: Quote[];
  /**
   * Where each card quote was chosen, by quote id, for messages about its
   * cards: the front-matter selector, or the quote's line in the talk when
   * it was chosen automatically.
   */
  cardOrigins: ReadonlyMap<string, ErrorLocation>;
  /** The settings (theme, sizes, handle, cover, layout, …), from defaults, spec file, front matter and flags. */
  config: ResolvedConfig;
  /** Ids of the quotes the front matter wrote out (`{ text, by }`) because the write-up only paraphrases them. */
  paraphrased: ReadonlySet<string>;
  /** Things the user should know, printed on stderr. */
  notes: string[];
}

/** What choosing quotes by hand needs besides the talk: the settings, notes to add to, quotes made on the way. */
interface PickContext {
  config: ResolvedConfig;
  notes: string[];
  /** Quotes made from the front matter or from the talk's sentences, by normalised text: one quote (and id) per text. */
  made: Map<string, Quote>;
  paraphrased: Set<string>;
}

/** `q-3f2a`, `q-3f2a-c9e0` (a later quote sharing four digits), or a longer id the earlier scheme gave. */
const QUOTE_ID = /^q-[0-9a-f]{4,40}(-[0-9a-f]{4,36})?$/;

/** `talk.md:12`, the start of a note about a front-matter value. */
function placeOf({ file, line }: ErrorLocation): string {
  return `${file}${line === undefined ? "" : `:${line}`}`;
}

function preview(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** A quote and the front-matter path of the selector that chose it (none when automatic). */
interface Picked {
  quote: Quote;
  path?: (string | number)[];
}

/**
 * The talk's meta as the deck and the cards show it: the front matter's
 * title, event, date… over what the text says, except the text's own source
 * link, which wins over a clipper's `url:`.
 */
export function metaOf(talk: Talk, config: ResolvedConfig): TalkMeta {
  const meta: TalkMeta = { ...talk.meta, ...config.meta, lang: config.lang ?? talk.meta.lang };
  if (talk.meta.sourceUrl !== undefined) meta.sourceUrl = talk.meta.sourceUrl;
  return meta;
}

/**
 * The quote an id names. An id with more than four digits also names the one
 * quote whose hash starts with them: `q-781a-c9e0` still names its quote once
 * the quote it shared `q-781a` with is gone (it is then `q-781a`), and so do
 * the ids of the earlier scheme, the shortest hash prefix no other quote
 * shared (`q-781ac`).
 */
function quoteById(quotes: readonly Quote[], selector: string): Quote | undefined {
  const exact = quotes.find((quote) => quote.id === selector);
  if (exact !== undefined) return exact;
  const digits = selector.slice(2).replace("-", "");
  if (digits.length <= 4) return undefined;
  const [only, second] = quotes.filter((quote) => quoteHash(quote.text).startsWith(digits));
  return second === undefined ? only : undefined;
}

/**
 * A new quote's id: `q-` and four digits of its text's hash, with more digits
 * where another quote has them (as the parser's ids do).
 */
function freeId(text: string, talk: Talk, context: PickContext): string {
  const hash = quoteHash(text);
  const taken = new Set([...talk.quotes, ...context.made.values()].map((quote) => quote.id));
  let id = `q-${hash.slice(0, 4)}`;
  for (let end = 8; taken.has(id) && end <= hash.length; end += 4)
    id = `q-${hash.slice(0, 4)}-${hash.slice(4, end)}`;
  return id;
}

/** The quote for a text, made once: the deck and the cards choosing it share its id. */
function quoteFor(
  text: string,
  talk: Talk,
  context: PickContext,
  quote: Omit<Quote, "id" | "text">,
): Quote {
  const key = normalizeForMatch(text);
  const known = context.made.get(key);
  if (known !== undefined) return known;
  const created: Quote = { id: freeId(text, talk, context), text, ...quote };
  context.made.set(key, created);
  return created;
}

/**
 * `{ text: "…", by: Name }`: a quote the write-up only paraphrases, in the
 * name of one of the talk's speakers (by full or short name; another name
 * is shown as written, with a note). A text the talk has word for word is
 * that candidate.
 */
function paraphrase(
  talk: Talk,
  entry: { text: string; by: string },
  path: (string | number)[],
  context: PickContext,
): Quote {
  const key = normalizeForMatch(entry.text);
  const verbatim = talk.quotes.find((quote) => normalizeForMatch(quote.text) === key);
  if (verbatim !== undefined) return verbatim;
  const by = normalizeForMatch(entry.by);
  const speaker = talk.speakers.find((candidate) =>
    [candidate.name, ...candidate.aliases].some((name) => normalizeForMatch(name) === by),
  );
  const where = context.config.locate(path);
  if (speaker === undefined) {
    const names = talk.speakers.map((candidate) => candidate.name);
    context.notes.push(
      `${placeOf(where)}: \`by: ${entry.by}\` is not one of the talk's speakers (${names.length === 0 ? "it names none" : names.join(", ")}): the quote is shown in that name`,
    );
  }
  const quote = quoteFor(entry.text, talk, context, {
    speaker: speaker?.name ?? entry.by,
    turn: -1,
    line: where.line ?? 0,
    score: 0,
    why: ["paraphrased: written in the front matter, not word for word in the talk"],
  });
  context.paraphrased.add(quote.id);
  return quote;
}

/**
 * The sentences of the speakers' turns that contain a fragment, as quotes:
 * a fragment chooses what a speaker says even where the ranker did not make
 * it a candidate.
 */
function sentencesWith(fragment: string, talk: Talk, context: PickContext): Quote[] {
  const found = new Map<string, Quote>();
  talk.turns.forEach((turn, index) => {
    for (const paragraph of turn.paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        const key = normalizeForMatch(sentence);
        if (!key.includes(fragment) || found.has(key)) continue;
        found.set(
          key,
          quoteFor(sentence, talk, context, {
            speaker: turn.speaker,
            turn: index,
            line: turn.line,
            score: 0,
            why: ["chosen in the front matter: not among the ranked candidates"],
          }),
        );
      }
    }
  });
  return [...found.values()];
}

/** Ids an ambiguous fragment's message lists at most. */
const LISTED = 6;

/**
 * The one match that every other match contains: a bold span and the
 * sentence around it are both candidates, and a fragment of the span (or a
 * quote written out whole) names the span.
 */
function innermost(matches: readonly Quote[]): [Quote] | undefined {
  const texts = matches.map((quote) => normalizeForMatch(quote.text));
  const inner = matches.filter((_, index) =>
    texts.every((other) => other.includes(texts[index] ?? "")),
  );
  return inner.length === 1 && inner[0] !== undefined ? [inner[0]] : undefined;
}

function pickQuote(
  talk: Talk,
  selector: QuoteSelector,
  path: (string | number)[],
  context: PickContext,
): Quote {
  const { config, notes } = context;
  if (typeof selector !== "string") return paraphrase(talk, selector, path, context);
  const { quotes } = talk;
  if (QUOTE_ID.test(selector)) {
    const found = quoteById(quotes, selector);
    if (found !== undefined) {
      const sharing = quotes.filter((quote) => quote.id.startsWith(`${selector}-`));
      if (sharing.length > 0) {
        notes.push(
          `${placeOf(config.locate(path))}: \`${selector}\` is "${preview(found.text)}"; ${sharing.map((quote) => `\`${quote.id}\` ("${preview(quote.text)}")`).join(", ")} ${sharing.length === 1 ? "shares" : "share"} its digits`,
        );
      }
      return found;
    }
    const nearest = quotes.find(
      (quote) =>
        quote.id ===
        closest(
          selector,
          quotes.map((q) => q.id),
        ),
    );
    throw new TalkdeckError(ErrorCode.QuoteNotFound, `no quote has the id \`${selector}\``, {
      location: config.locate(path),
      hint:
        nearest === undefined
          ? "this talk has no quote candidates; pick text fragments instead"
          : `did you mean \`${nearest.id}\` (${preview(nearest.text)})? \`talkdeck quotes ${talk.file}\` lists them all`,
    });
  }
  const fragment = normalizeForMatch(selector);
  const candidates = quotes.filter((quote) => normalizeForMatch(quote.text).includes(fragment));
  const matches = candidates.length > 0 ? candidates : sentencesWith(fragment, talk, context);
  const [only, second] = innermost(matches) ?? matches;
  if (only !== undefined && second === undefined) return only;
  if (only === undefined) {
    throw new TalkdeckError(ErrorCode.QuoteNotFound, `no quote contains "${selector}"`, {
      location: config.locate(path),
      hint: `use a quote id or a fragment of what a speaker says (\`talkdeck quotes ${talk.file}\` lists the candidates), or write a paraphrased quote as \`{ text: "…", by: Name }\``,
    });
  }
  const listed = matches.slice(0, LISTED).map((quote) => `${quote.id} (${preview(quote.text)})`);
  const more = matches.length - listed.length;
  throw new TalkdeckError(
    ErrorCode.QuoteAmbiguous,
    `"${selector}" matches ${matches.length} quotes`,
    {
      location: config.locate(path),
      hint: `use a longer fragment or one of the ids: ${listed.join(", ")}${more > 0 ? `, and ${more} more (\`talkdeck quotes ${talk.file}\` lists them)` : ""}`,
    },
  );
}

/** `1,000 words` or `300 characters` (Chinese): the quote's length as a reader counts it. */
function describeLength(text: string): string {
  const units = readingLength(text).toLocaleString("en-US");
  return HAN.test(text) ? `${units} characters` : `${units} words`;
}

/**
 * The best `count` quotes that the card sizes can hold, in the order they
 * were said. The estimate needs no drawing (cards/capacity.ts): a quote too
 * long for a card would otherwise cost minutes of measuring and then stop
 * the build. The deck's pick is the cards' too unless they choose their own,
 * and a quote too long for a card is too long for a slide as well.
 */
function pickAuto(
  talk: Talk,
  count: number,
  sizes: readonly CardSize[],
  notes: string[],
): Picked[] {
  const picked: Picked[] = [];
  for (const quote of talk.quotes) {
    if (picked.length >= count) break;
    const tooSmall = sizes.find((size) => estimateFit(quote.text, size).tooLongForAuto);
    if (tooSmall === undefined) picked.push({ quote });
    else {
      notes.push(
        `quote ${quote.id} (line ${quote.line}, ${describeLength(quote.text)}) is too long for a ${tooSmall.name} card: not chosen automatically; choose it by hand for a taller size, or pick a shorter quote`,
      );
    }
  }
  return picked.sort((a, b) => a.quote.line - b.quote.line);
}

function pickQuotes(
  talk: Talk,
  selection: QuoteSelection,
  deck: Picked[],
  context: PickContext,
): Picked[] {
  switch (selection.kind) {
    case "none":
      return [];
    case "deck":
      return deck;
    case "auto":
      return pickAuto(talk, selection.count, context.config.cards.sizes, context.notes);
    case "list": {
      const key = selection.key.split(".");
      const picked = selection.selectors.map((selector, index): Picked => {
        const path = [...key, index];
        return { quote: pickQuote(talk, selector, path, context), path };
      });
      return picked.filter(
        ({ quote }, index) => picked.findIndex((other) => other.quote.id === quote.id) === index,
      );
    }
  }
}

/**
 * A quote chosen by hand that no card of a size can hold fails here, before
 * any drawing, at the selector that chose it. (Automatic picks skip such
 * quotes.) Quotes that might fit are left to the renderer, which measures.
 */
function checkCardsCanFit(
  picked: readonly Picked[],
  sizes: readonly CardSize[],
  config: ResolvedConfig,
): void {
  for (const { quote, path } of picked) {
    if (path === undefined) continue;
    for (const size of sizes) {
      const fit = estimateFit(quote.text, size);
      if (!fit.impossible) continue;
      throw new TalkdeckError(
        ErrorCode.QuoteTooLong,
        `quote ${quote.id} (${describeLength(quote.text)}) cannot fit a ${size.name} card (${size.width}×${size.height}): even at the smallest font size, ${fit.minFont}px, its text needs more room than the whole card`,
        {
          location: config.locate(path),
          hint: `choose a shorter quote (\`talkdeck quotes ${config.talkFile}\` lists them), or leave this one out of the cards`,
        },
      );
    }
  }
}

/** Where each card quote came from: its selector in the front matter, or its line in the talk. */
function cardOrigins(picked: readonly Picked[], talk: Talk, config: ResolvedConfig) {
  return new Map(
    picked.map(({ quote, path }): [string, ErrorLocation] => [
      quote.id,
      path === undefined ? { file: talk.file, line: quote.line } : config.locate(path),
    ]),
  );
}

function pickPoints(talk: Talk, config: ResolvedConfig): Point[] {
  const wanted = config.deck.points;
  if (wanted === "all") return talk.points;
  if (wanted === "none") return [];
  return wanted.map((n, index) => {
    const point = talk.points.find((candidate) => candidate.n === n);
    if (point !== undefined) return point;
    const range =
      talk.points.length === 0
        ? "no summary points"
        : `points ${talk.points[0]?.n}–${talk.points.at(-1)?.n}`;
    throw new TalkdeckError(ErrorCode.PointNotFound, `there is no point ${n}`, {
      location: config.locate(["deck", "points", index]),
      hint: `this talk has ${range}; \`talkdeck inspect ${talk.file}\` shows them`,
    });
  });
}

/** Applies the resolved settings to the parsed talk. */
export function select(talk: Talk, config: ResolvedConfig): Selection {
  const notes = [...config.notes, ...talk.notes];
  const points = pickPoints(talk, config);
  const context: PickContext = { config, notes, made: new Map(), paraphrased: new Set() };
  const deckPicks = pickQuotes(talk, config.deck.quotes, [], context);
  const cardPicks = pickQuotes(talk, config.cards.quotes, deckPicks, context);
  if (talk.quotes.length === 0)
    notes.push(
      deckPicks.length + cardPicks.length === 0
        ? "no quote candidates found: no quote slides or cards"
        : "no quote candidates found: only the quotes the front matter writes out",
    );
  checkCardsCanFit(cardPicks, config.cards.sizes, config);
  return {
    talk,
    meta: metaOf(talk, config),
    points,
    deckQuotes: deckPicks.map(({ quote }) => quote),
    cardQuotes: cardPicks.map(({ quote }) => quote),
    cardOrigins: cardOrigins(cardPicks, talk, config),
    config,
    paraphrased: context.paraphrased,
    // The deck and the cards may both pick automatically and skip the same quote.
    notes: [...new Set(notes)],
  };
}
