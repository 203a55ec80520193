import type { Quote } from "../talk/model.js";

/** A card's alt text: who said it and what, for screen readers and `manifest.json`. */
export function altText(quote: Quote): string {
  return `Quote by ${quote.speaker}: ${quote.text}`;
}
