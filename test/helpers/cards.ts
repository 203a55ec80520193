import { EmojiSet } from "../../src/cards/emoji.js";
import { loadCardFonts } from "../../src/cards/fonts.js";
import { CardRenderer, type CardRequest } from "../../src/cards/render.js";
import { toCardSize } from "../../src/config/sizes.js";
import type { Quote, Talk } from "../../src/talk/model.js";
import { loadTemplates } from "../../src/templates.js";
import { builtInThemes, type ThemeTokens } from "../../src/theme/tokens.js";

export const presets = ["square", "portrait", "tall", "story", "landscape", "link"] as const;
export const layouts = ["classic", "statement"] as const;

export async function cardRenderer(): Promise<CardRenderer> {
  return new CardRenderer(await loadCardFonts(), await EmojiSet.load(), await loadTemplates());
}

/** The longest candidate that starts so: a whole bold run rather than its first sentence alone. */
export function quoteStarting(talk: Talk, start: string): Quote {
  const quote = talk.quotes
    .filter((candidate) => candidate.text.startsWith(start))
    .reduce<Quote | undefined>(
      (longest, candidate) =>
        longest === undefined || candidate.text.length > longest.text.length ? candidate : longest,
      undefined,
    );
  if (quote === undefined) throw new Error(`no sample quote starts with ${start}`);
  return quote;
}

export function cardRequest(
  talk: Talk,
  quote: Quote,
  options: { size?: string; theme?: string; layout?: string; lang?: string } = {},
): CardRequest {
  return {
    quote,
    speakerTitle: talk.speakers.find((speaker) => speaker.name === quote.speaker)?.title,
    size: toCardSize(options.size ?? "square"),
    theme: builtInThemes[options.theme ?? "midnight"] as ThemeTokens,
    talkTitle: talk.meta.title,
    handle: "@talkdeck",
    layout: options.layout ?? "classic",
    lang: options.lang ?? talk.meta.lang,
  };
}
