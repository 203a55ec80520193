import { Resvg } from "@resvg/resvg-js";
import satori, { type SatoriOptions } from "satori";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { CardSize } from "../spec/model.js";
import type { Quote } from "../talk/model.js";
import { compileTemplate, type TemplateRegistry } from "../templates.js";
import type { ThemeTokens } from "../theme/tokens.js";
import { type CardElement, htmlToElement } from "./element.js";
import { cardFontFamily, type LoadedFont } from "./fonts.js";

export const CARD_TEMPLATE = "cards/quote.html.hbs";

export interface CardRequest {
  quote: Quote;
  size: CardSize;
  theme: ThemeTokens;
  talkTitle: string;
  handle: string | undefined;
}

export interface RenderedCard {
  quoteId: string;
  size: CardSize;
  png: Buffer;
  /** The font size the quote was fitted at, in pixels. */
  fontSize: number;
  alt: string;
}

/** Measurements that scale with the card's shorter side (1 at 1080 px). */
function layoutFor(size: CardSize) {
  const unit = Math.min(size.width, size.height) / 1080;
  const round = (value: number) => Math.round(value * unit);
  const padding = round(88);
  // Stories: platforms lay their own controls over the top and bottom 250 px.
  const isStory = size.height / size.width >= 1.7;
  return {
    padding,
    paddingY: isStory ? Math.max(padding, Math.round((250 * size.width) / 1080)) : padding,
    markSize: round(150),
    markHeight: round(96),
    // The CJK “ sits in the right half of its full-width cell: pull it back to the margin.
    markOffset: round(84),
    gap: round(48),
    ruleWidth: round(96),
    ruleHeight: Math.max(3, round(6)),
    ruleGap: round(28),
    metaGap: round(8),
    speakerSize: Math.max(20, round(38)),
    metaSize: Math.max(16, round(28)),
    maxFont: Math.max(28, round(72)),
    minFont: Math.max(22, round(34)),
  };
}

export function altText(quote: Quote): string {
  return `Quote by ${quote.speaker}: ${quote.text}`;
}

/**
 * Draws quote cards: card template → element tree → satori (SVG) → resvg (PNG).
 * Fonts and templates come in loaded, so one renderer serves any number of cards.
 */
export class CardRenderer {
  readonly #fonts: SatoriOptions["fonts"];
  readonly #template: HandlebarsTemplateDelegate;

  constructor(fonts: readonly LoadedFont[], templates: TemplateRegistry) {
    this.#fonts = fonts.map((font) => ({ ...font }));
    this.#template = compileTemplate(templates, CARD_TEMPLATE);
  }

  #element(request: CardRequest, fontSize: number): CardElement {
    const markup = this.#template({
      quote: request.quote,
      size: request.size,
      theme: request.theme.color,
      talkTitle: request.talkTitle,
      handle: request.handle,
      fontSize,
      fontFamily: cardFontFamily,
      layout: layoutFor(request.size),
    });
    return htmlToElement(markup);
  }

  /** Height of the card's content at a font size: satori given only a width sizes the SVG to its content. */
  async #contentHeight(request: CardRequest, fontSize: number): Promise<number> {
    const svg = await satori(this.#element(request, fontSize) as never, {
      width: request.size.width,
      fonts: this.#fonts,
    });
    const height = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1];
    return height === undefined ? Number.POSITIVE_INFINITY : Number(height);
  }

  /** The largest font size (whole pixels) at which the card's content fits its height. */
  async fitFontSize(request: CardRequest): Promise<number> {
    const { minFont, maxFont } = layoutFor(request.size);
    const fits = async (size: number) =>
      (await this.#contentHeight(request, size)) <= request.size.height;
    if (!(await fits(minFont))) {
      throw new TalkdeckError(
        ErrorCode.QuoteTooLong,
        `quote ${request.quote.id} does not fit a ${request.size.name} card (${request.size.width}×${request.size.height}) even at ${minFont}px`,
        { hint: "pick a shorter quote for this size, or a taller size such as portrait or story" },
      );
    }
    let low = minFont;
    let high = maxFont;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (await fits(middle)) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  async render(request: CardRequest): Promise<RenderedCard> {
    const fontSize = await this.fitFontSize(request);
    const svg = await satori(this.#element(request, fontSize) as never, {
      width: request.size.width,
      height: request.size.height,
      fonts: this.#fonts,
    });
    const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: "original" } })
      .render()
      .asPng();
    return {
      quoteId: request.quote.id,
      size: request.size,
      png,
      fontSize,
      alt: altText(request.quote),
    };
  }
}
