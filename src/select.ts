import { closest } from "fastest-levenshtein";
import { ErrorCode, TalkdeckError } from "./errors.js";
import type { CardSize, QuoteSelection, ResolvedSpec } from "./spec/model.js";
import type { Point, Quote, Talk, TalkMeta } from "./talk/model.js";
import { normalizeForMatch } from "./talk/text.js";
import type { ThemeTokens } from "./theme/tokens.js";

/** What goes into the outputs: the talk's chosen parts and how they look. */
export interface Selection {
  talk: Talk;
  meta: TalkMeta;
  points: Point[];
  deckQuotes: Quote[];
  cardQuotes: Quote[];
  theme: ThemeTokens;
  sizes: CardSize[];
  handle: string | undefined;
  speakerNotes: boolean;
  /** Things the user should know, printed on stderr. */
  notes: string[];
}

const QUOTE_ID = /^q-[0-9a-f]{4,40}$/;

function preview(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function pickQuote(
  talk: Talk,
  selector: string,
  spec: ResolvedSpec,
  path: (string | number)[],
): Quote {
  const { quotes } = talk;
  if (QUOTE_ID.test(selector)) {
    const found = quotes.find((quote) => quote.id === selector);
    if (found !== undefined) return found;
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

function pickQuotes(
  talk: Talk,
  selection: QuoteSelection,
  spec: ResolvedSpec,
  deck: Quote[],
): Quote[] {
  switch (selection.kind) {
    case "none":
      return [];
    case "deck":
      return deck;
    case "auto":
      // The best N, shown in the order they were said.
      return talk.quotes.slice(0, selection.count).sort((a, b) => a.line - b.line);
    case "list": {
      const path = selection.key.split(".");
      const picked = selection.selectors.map((selector, index) =>
        pickQuote(talk, selector, spec, [...path, index]),
      );
      return picked.filter((quote, index) => picked.indexOf(quote) === index);
    }
  }
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
  const deckQuotes = pickQuotes(talk, spec.deck.quotes, spec, []);
  const cardQuotes = pickQuotes(talk, spec.cards.quotes, spec, deckQuotes);
  const meta: TalkMeta = { ...talk.meta, ...spec.meta, lang: spec.lang ?? talk.meta.lang };
  // The talk's own header link wins over a clipper's `url:`.
  if (talk.meta.sourceUrl !== undefined) meta.sourceUrl = talk.meta.sourceUrl;
  return {
    talk,
    meta,
    points,
    deckQuotes,
    cardQuotes,
    theme: spec.theme,
    sizes: spec.cards.sizes,
    handle: spec.cards.handle,
    speakerNotes: spec.deck.speakerNotes,
    notes,
  };
}
