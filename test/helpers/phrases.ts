import { segmentText } from "../../src/cards/phrases.js";

const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

/**
 * Code-point offsets in `text` where a segment of `segmentText` starts (and 0): the
 * phrases, with kinsoku, particles and no orphan, that the cards and the deck break
 * lines between. A segment holds the text's characters but its spaces (a no-break
 * space stands for one where two were joined), so they are walked along the text.
 */
export function segmentStarts(text: string, lang: string): Set<number> {
  const chars = [...text];
  const starts = new Set<number>([0]);
  let at = 0;
  for (const segment of segmentText(text, lang)) {
    while (isSpace(chars[at])) at += 1;
    starts.add(at);
    for (const char of segment.text) {
      if (isSpace(char)) continue;
      while (isSpace(chars[at])) at += 1;
      at += 1;
    }
  }
  return starts;
}
