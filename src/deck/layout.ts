import { splitSentences } from "../talk/sentences.js";
import { joinText, readingLength } from "../talk/text.js";
import { lineCount } from "./measure.js";
import { CONTENT, QUOTE_LINE, QUOTE_SIZES, type QuoteSize, TYPE } from "./type-scale.js";

/**
 * Plans what goes on which slide so that every slide holds its text at the
 * deck's sizes: long bodies become bullets over continuation slides, long
 * agendas and speaker lists go on to a second slide, long quotes take a
 * smaller (still the largest) size. Nothing is made smaller to fit.
 */

/** A bullet of more lines than this is cut at a clause. */
const MAX_BULLET_LINES = 3;
/** A piece shorter than this share of a line joins the bullet before it. */
const SHORT_PIECE = 0.4;
/** Bullets on one slide: a room reads three or four. */
const MAX_BULLETS = 4;
/** Space between bullets or list items, in lines of body text. */
const ITEM_GAP = 0.3;
/** List indent (the marker), in em. */
const LIST_INDENT = 1.6;

const bodyLine = TYPE.body.size * TYPE.body.line;
const listWidth = CONTENT.width - LIST_INDENT * TYPE.body.size;

/** Height of a slide heading in px, with its margin below. */
function headingHeight(text: string): number {
  const { size, line } = TYPE.heading;
  return lineCount(text, size, CONTENT.width, true) * size * line + 0.6 * size;
}

/** Where a clause ends inside a sentence: after a comma, semicolon or colon. */
const CLAUSE_END = /[，；：、,;:](?=\s*\S)/gu;

/** The cut of `text` nearest its middle, of the first of `kinds` it has. */
function middleCut(text: string, kinds: readonly RegExp[]): number | undefined {
  const middle = text.length / 2;
  for (const cuts of kinds) {
    let best: number | undefined;
    for (const match of text.matchAll(cuts)) {
      const end = match.index + match[0].length;
      if (best === undefined || Math.abs(end - middle) < Math.abs(best - middle)) best = end;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** Cuts text that does not `fit` at the cut nearest its middle, again and again, until each piece fits or has no cut left. */
function cutNearMiddle(
  text: string,
  fits: (piece: string) => boolean,
  kinds: readonly RegExp[],
): string[] {
  const cut = fits(text) ? undefined : middleCut(text, kinds);
  if (cut === undefined) return [text];
  return [
    ...cutNearMiddle(text.slice(0, cut).trim(), fits, kinds),
    ...cutNearMiddle(text.slice(cut).trim(), fits, kinds),
  ];
}

/** Cuts a sentence too long for one bullet at the clause end nearest its middle. */
function splitLong(sentence: string): string[] {
  return cutNearMiddle(
    sentence,
    (piece) => lineCount(piece, TYPE.body.size, listWidth) <= MAX_BULLET_LINES,
    [CLAUSE_END],
  );
}

/** A body as bullets: its sentences, long ones cut at clauses, short ones joined. */
export function bodyBullets(body: string): string[] {
  const bullets: string[] = [];
  for (const piece of splitSentences(body).flatMap(splitLong)) {
    const last = bullets.at(-1);
    const short =
      lineCount(piece, TYPE.body.size, listWidth) === 1 &&
      readingLength(piece) < SHORT_PIECE * (listWidth / TYPE.body.size);
    if (last !== undefined && short) {
      const joined = joinText(last, piece);
      if (lineCount(joined, TYPE.body.size, listWidth) <= 2) {
        bullets[bullets.length - 1] = joined;
        continue;
      }
    }
    bullets.push(piece);
  }
  return bullets;
}

/**
 * Cuts items (each `cost` px high) into groups that each fit `room` px, in
 * order, as even in count as the number of groups allows.
 */
export function packItems<T>(
  items: readonly T[],
  cost: (item: T) => number,
  room: number,
  maxPerGroup = Number.POSITIVE_INFINITY,
): T[][] {
  const greedy = (limit: number): T[][] => {
    const groups: T[][] = [];
    let used = 0;
    for (const item of items) {
      const current = groups.at(-1);
      const height = cost(item);
      if (current !== undefined && current.length < limit && used + height <= room) {
        current.push(item);
        used += height;
      } else {
        groups.push([item]);
        used = height;
      }
    }
    return groups;
  };
  const first = greedy(maxPerGroup);
  if (first.length <= 1) return first;
  // Even out: the same number of groups with at most ⌈n/k⌉ items each, where that still fits.
  const even = greedy(Math.min(maxPerGroup, Math.ceil(items.length / first.length)));
  return even.length === first.length ? even : first;
}

/** A point's bullets over as many slides as they need. */
export function planPoint(heading: string, continuedHeading: string, body: string): string[][] {
  const bullets = bodyBullets(body);
  if (bullets.length === 0) return [[]];
  const cost = (bullet: string) =>
    lineCount(bullet, TYPE.body.size, listWidth) * bodyLine + ITEM_GAP * bodyLine;
  // Plan with the taller of the two headings, so a continuation slide fits too.
  const room = CONTENT.height - Math.max(headingHeight(heading), headingHeight(continuedHeading));
  return packItems(bullets, cost, room, MAX_BULLETS);
}

/** The agenda's items over as many slides as they need at body size. */
export function planAgenda<T extends { lead: string }>(
  heading: string,
  items: readonly T[],
): T[][] {
  const cost = (item: T) =>
    lineCount(item.lead, TYPE.body.size, listWidth) * bodyLine + ITEM_GAP * bodyLine;
  return packItems(items, cost, CONTENT.height - headingHeight(heading));
}

/** A bio cut to whole sentences within this many lines. */
const BIO_LINES = 3;

/** A bio short enough to read from a slide: its first sentences, or its first clauses and "…". */
export function shortBio(bio: string): string {
  const { size } = TYPE.small;
  const fits = (text: string) => lineCount(text, size, CONTENT.width) <= BIO_LINES;
  let kept = "";
  for (const sentence of splitSentences(bio)) {
    const next = joinText(kept, sentence);
    if (!fits(next)) break;
    kept = next;
  }
  if (kept !== "") return kept;
  // The first sentence alone is too long: cut it at the last clause (or word) that fits.
  const cuts = [...bio.matchAll(/[，；、,;]|\s/gu)].map((match) => match.index);
  for (const cut of cuts.reverse()) {
    const head = bio.slice(0, cut).trim();
    if (head !== "" && fits(`${head}…`)) return `${head}…`;
  }
  let head = bio;
  while (head.length > 1 && !fits(`${head}…`)) head = head.slice(0, -1);
  return `${head}…`;
}

/** Speakers (name line and bio) over as many slides as they need. */
export function planSpeakers<T extends { line: string; bio: string }>(
  heading: string,
  speakers: readonly T[],
): T[][] {
  const cost = (speaker: T) =>
    lineCount(speaker.line, TYPE.body.size, CONTENT.width, true) * bodyLine +
    lineCount(speaker.bio, TYPE.small.size, CONTENT.width) * TYPE.small.size * TYPE.small.line +
    0.9 * TYPE.small.size;
  return packItems(speakers, cost, CONTENT.height - headingHeight(heading));
}

/** The vertical room a quote slide leaves the quote: the quote mark and the attribution take the rest. */
function quoteRoom(size: number): number {
  const mark = 0.8 * size;
  const attribution = TYPE.small.size * TYPE.small.line + 24;
  return CONTENT.height - mark - attribution;
}

/** Whether the quote fits its slide at `size`, measured bold (quotes are), or as regular weight: 6% narrower. */
function quoteFits(text: string, size: number, bold = true): boolean {
  return lineCount(text, size, CONTENT.width, bold) * size * QUOTE_LINE <= quoteRoom(size);
}

const SMALLEST_QUOTE: QuoteSize = QUOTE_SIZES[QUOTE_SIZES.length - 1] ?? 46;

/** The largest quote size the quote fits at, if any. */
function fittingSize(text: string): QuoteSize | undefined {
  return QUOTE_SIZES.find((size) => quoteFits(text, size));
}

/** The largest quote size the quote fits at (the smallest when it fits at none). */
export function quoteSize(text: string): QuoteSize {
  return fittingSize(text) ?? SMALLEST_QUOTE;
}

/** "…" at each end where a slide's part of a quote starts or ends inside a sentence. */
function withEllipses(text: string, cutBefore: boolean, cutAfter: boolean): string {
  return `${cutBefore ? "…" : ""}${text}${cutAfter ? "…" : ""}`;
}

/** Whether a piece fits a slide at the smallest size, with room for "…" at both ends. */
function fitsOneSlide(text: string): boolean {
  return quoteFits(withEllipses(text, true, true), SMALLEST_QUOTE);
}

/**
 * Where a piece of a quote may be cut: after a clause's punctuation (a dash
 * too, which sets off an aside in speech), else at a space, else anywhere.
 */
const QUOTE_CUTS = [/[，；：、,;:—](?=\s*\S)/gu, /\s+(?=\S)/gu, /(?<=.)(?=.)/gsu] as const;

/** Cuts a sentence too long for a slide of its own into pieces that fit, at the cuts nearest their middles. */
function cutToFit(sentence: string): string[] {
  return cutNearMiddle(sentence, fitsOneSlide, QUOTE_CUTS);
}

/** A run of a quote for one slide: its text, and whether it ends inside a sentence. */
interface QuoteRun {
  text: string;
  cutAfter: boolean;
}

/**
 * A quote over as many slides as it needs: all of it at the largest size it
 * fits at, or, when it fits none, its sentences (long ones cut at a clause)
 * gathered into slides at the smallest size, with "…" where a slide starts
 * or ends inside a sentence. A quote is never shortened.
 */
export function planQuote(text: string): { size: QuoteSize; parts: string[] } {
  const size = fittingSize(text);
  if (size !== undefined) return { size, parts: [text] };
  // The measure is on the wide side, so a quote at the edge is cut only when it
  // is too long even measured narrower: the browser draws a 60-word quote of the
  // corpus (case 15) whole on one slide that the wide measure doubts.
  if (quoteFits(text, SMALLEST_QUOTE, false)) return { size: SMALLEST_QUOTE, parts: [text] };
  const runs: QuoteRun[] = [];
  for (const sentence of splitSentences(text)) {
    const pieces = cutToFit(sentence);
    for (const [index, piece] of pieces.entries()) {
      const cutAfter = index < pieces.length - 1;
      const last = runs.at(-1);
      const joined = last === undefined ? undefined : joinText(last.text, piece);
      if (last !== undefined && joined !== undefined && fitsOneSlide(joined))
        runs[runs.length - 1] = { text: joined, cutAfter };
      else runs.push({ text: piece, cutAfter });
    }
  }
  const parts = runs.map((run, index) =>
    withEllipses(run.text, runs[index - 1]?.cutAfter === true, run.cutAfter),
  );
  return { size: SMALLEST_QUOTE, parts };
}

/** True when the title would take more than three lines at the title size: it takes the smaller one. */
export function longTitle(title: string, width: number): boolean {
  return lineCount(title, TYPE.title.size, width, true) > 3;
}
