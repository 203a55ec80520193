import { closest } from "fastest-levenshtein";
import { estimateFit } from "./cards/capacity.js";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "./errors.js";
import type { CardSize, QuoteSelection, ResolvedSpec } from "./spec/model.js";
import type { Point, Quote, Talk, TalkMeta } from "./talk/model.js";
import { quoteHash } from "./talk/quotes.js";
import { normalizeForMatch, readingLength } from "./talk/text.js";
import type { ThemeTokens } from "./theme/tokens.js";

/** What goes into the outputs: the talk's chosen parts and how they look. */
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
  theme: ThemeTokens;
  sizes: CardSize[];
  handle: string | undefined;
  speakerNotes: boolean;
  /** Things the user should know, printed on stderr. */
  notes: string[];
}

/** `q-3f2a`, `q-3f2a-c9e0` (a later quote sharing four digits), or a longer id the earlier scheme gave. */
const QUOTE_ID = /^q-[0-9a-f]{4,40}(-[0-9a-f]{4,36})?$/;

function preview(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** A quote and the front-matter path of the selector that chose it (none when automatic). */
interface Picked {
  quote: Quote;
  path?: (string | number)[];
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

function pickQuote(
  talk: Talk,
  selector: string,
  spec: ResolvedSpec,
  path: (string | number)[],
  notes: string[],
): Quote {
  const { quotes } = talk;
  if (QUOTE_ID.test(selector)) {
    const found = quoteById(quotes, selector);
    if (found !== undefined) {
      const sharing = quotes.filter((quote) => quote.id.startsWith(`${selector}-`));
      if (sharing.length > 0) {
        const { file, line } = spec.locate(path);
        notes.push(
          `${file}${line === undefined ? "" : `:${line}`}: \`${selector}\` is "${preview(found.text)}"; ${sharing.map((quote) => `\`${quote.id}\` ("${preview(quote.text)}")`).join(", ")} ${sharing.length === 1 ? "shares" : "share"} its digits`,
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
      location: spec.locate(path),
      hint:
        nearest === undefined
          ? "this talk has no quote candidates; pick text fragments instead"
          : `did you mean \`${nearest.id}\` (${preview(nearest.text)})? \`talkdeck quotes ${talk.file}\` lists them all`,
    });
  }
  const fragment = normalizeForMatch(selector);
  const matches = quotes.filter((quote) => normalizeForMatch(quote.text).includes(fragment));
  const [only, second] = matches;
  if (only !== undefined && second === undefined) return only;
  if (only === undefined) {
    throw new TalkdeckError(ErrorCode.QuoteNotFound, `no quote contains "${selector}"`, {
      location: spec.locate(path),
      hint: `use a quote id or a fragment of a candidate's text; \`talkdeck quotes ${talk.file}\` lists them`,
    });
  }
  throw new TalkdeckError(
    ErrorCode.QuoteAmbiguous,
    `"${selector}" matches ${matches.length} quotes`,
    {
      location: spec.locate(path),
      hint: `use a longer fragment or one of the ids: ${matches.map((quote) => `${quote.id} (${preview(quote.text)})`).join(", ")}`,
    },
  );
}

/** `1,000 words` or `300 characters` (Chinese): the quote's length as a reader counts it. */
function describeLength(text: string): string {
  const units = readingLength(text).toLocaleString("en-US");
  return /\p{Script=Han}/u.test(text) ? `${units} characters` : `${units} words`;
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
  spec: ResolvedSpec,
  deck: Picked[],
  notes: string[],
): Picked[] {
  switch (selection.kind) {
    case "none":
      return [];
    case "deck":
      return deck;
    case "auto":
      return pickAuto(talk, selection.count, spec.cards.sizes, notes);
    case "list": {
      const key = selection.key.split(".");
      const picked = selection.selectors.map((selector, index): Picked => {
        const path = [...key, index];
        return { quote: pickQuote(talk, selector, spec, path, notes), path };
      });
      return picked.filter(
        ({ quote }, index) => picked.findIndex((other) => other.quote === quote) === index,
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
  spec: ResolvedSpec,
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
          location: spec.locate(path),
          hint: `choose a shorter quote (\`talkdeck quotes ${spec.talkFile}\` lists them), or leave this one out of the cards`,
        },
      );
    }
  }
}

/** Where each card quote came from: its selector in the front matter, or its line in the talk. */
function cardOrigins(picked: readonly Picked[], talk: Talk, spec: ResolvedSpec) {
  return new Map(
    picked.map(({ quote, path }): [string, ErrorLocation] => [
      quote.id,
      path === undefined ? { file: talk.file, line: quote.line } : spec.locate(path),
    ]),
  );
}

function pickPoints(talk: Talk, spec: ResolvedSpec): Point[] {
  const wanted = spec.deck.points;
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
      location: spec.locate(["deck", "points", index]),
      hint: `this talk has ${range}; \`talkdeck inspect ${talk.file}\` shows them`,
    });
  });
}

/** Applies the resolved spec to the parsed talk. */
export function select(talk: Talk, spec: ResolvedSpec): Selection {
  const notes = [...talk.notes];
  if (talk.quotes.length === 0) notes.push("no quote candidates found: no quote slides or cards");
  const points = pickPoints(talk, spec);
  const deckPicks = pickQuotes(talk, spec.deck.quotes, spec, [], notes);
  const cardPicks = pickQuotes(talk, spec.cards.quotes, spec, deckPicks, notes);
  checkCardsCanFit(cardPicks, spec.cards.sizes, spec);
  const meta: TalkMeta = { ...talk.meta, ...spec.meta, lang: spec.lang ?? talk.meta.lang };
  // The talk's own header link wins over a clipper's `url:`.
  if (talk.meta.sourceUrl !== undefined) meta.sourceUrl = talk.meta.sourceUrl;
  return {
    talk,
    meta,
    points,
    deckQuotes: deckPicks.map(({ quote }) => quote),
    cardQuotes: cardPicks.map(({ quote }) => quote),
    cardOrigins: cardOrigins(cardPicks, talk, spec),
    theme: spec.theme,
    sizes: spec.cards.sizes,
    handle: spec.cards.handle,
    speakerNotes: spec.deck.speakerNotes,
    // The deck and the cards may both pick automatically and skip the same quote.
    notes: [...new Set(notes)],
  };
}
