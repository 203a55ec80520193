/**
 * The card's source line: where the quote was said, in a few words. A feed
 * shows the card small, and a 40–60 character headline repeated under every
 * quote is grey noise nobody can read there; the event's short name is what
 * a reader needs.
 */
import { CJK_FULL_WIDTH } from "../cjk.js";

/**
 * A title this short fits one line at the meta size: 24 CJK characters or 40
 * Latin ones, counted in tenths (a CJK character 10, any other 6) so a mix
 * of the two is measured on the same scale without rounding.
 */
const SHORT_TITLE_TENTHS = 240;

/** Length in tenths of a CJK character's width: 24 CJK characters and 40 Latin ones are both 240. */
export function titleTenths(text: string): number {
  let tenths = 0;
  for (const char of text) tenths += CJK_FULL_WIDTH.test(char) ? 10 : 6;
  return tenths;
}

const tidy = (text: string | undefined) => text?.trim().replace(/\s+/gu, " ") ?? "";

/** The event's name when set; else the talk's title when short; else no source line. */
export function sourceLine(talkTitle: string, event: string | undefined): string | undefined {
  const named = tidy(event);
  if (named !== "") return named;
  const title = tidy(talkTitle);
  return title !== "" && titleTenths(title) <= SHORT_TITLE_TENTHS ? title : undefined;
}
