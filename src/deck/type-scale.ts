/**
 * The deck's sizes, in CSS pixels on Marp's 1280×720 slide: one table that
 * the theme CSS writes out and the slide planner (layout.ts) measures with,
 * so what is planned to fit is what is drawn.
 *
 * A slide is read from the back of a room: nothing is drawn below
 * `MIN_TEXT` (28 px, about 24 pt on a projected 13" wide slide), and the
 * quote, the reason the deck exists, is drawn larger than any heading.
 */
export const SLIDE = { width: 1280, height: 720, padX: 80, padTop: 56, padBottom: 64 } as const;

/** The content box every slide's text lays out in. */
export const CONTENT = {
  width: SLIDE.width - 2 * SLIDE.padX,
  height: SLIDE.height - SLIDE.padTop - SLIDE.padBottom,
} as const;

export const MIN_TEXT = 28;

/** Font size and line height (a multiple of the size) of each text role. */
export const TYPE = {
  /** Point bullets, agenda items, the title slide's speakers and subtitle. */
  body: { size: 32, line: 1.45 },
  /** Secondary lines: dates, sources, bios, attributions, page numbers. */
  small: { size: MIN_TEXT, line: 1.45 },
  heading: { size: 40, line: 1.25 },
  title: { size: 44, line: 1.2 },
  /** A title too long for four lines at `title`. */
  titleLong: { size: 38, line: 1.2 },
} as const;

/**
 * The quote's sizes, largest first: the slide uses the largest the quote
 * fits at. The smallest is still above every heading (`TYPE.title`).
 */
export const QUOTE_SIZES = [64, 56, 50, 46] as const;
export type QuoteSize = (typeof QUOTE_SIZES)[number];
export const QUOTE_LINE = 1.4;
