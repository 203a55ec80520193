import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { CardSize } from "../spec/model.js";
import type { Quote } from "../talk/model.js";
import { compileTemplate, type TemplateRegistry } from "../templates.js";
import type { ThemeTokens } from "../theme/tokens.js";
import { altText } from "./alt-text.js";
import { type CardElement, htmlToElement } from "./element.js";
import type { EmojiSet } from "./emoji.js";
import type { CardFontLibrary, CardFonts } from "./fonts.js";
import { cardLayout, quoteMarkDataUri } from "./layout.js";
import { segmentText } from "./phrases.js";
import { encodePng } from "./png.js";

export interface CardLogo {
  dataUri: string;
  width: number;
  height: number;
}

export interface CardRequest {
  quote: Quote;
  /** The speaker's job title, shown after the name when known. */
  speakerTitle?: string | undefined;
  size: CardSize;
  theme: ThemeTokens;
  talkTitle: string;
  handle?: string | undefined;
  logo?: CardLogo | undefined;
  /** Card template: `cards/<layout>.html.hbs`. */
  layout: string;
  lang: string;
}

export interface RenderedCard {
  quoteId: string;
  size: CardSize;
  png: Buffer;
  /** The font size the quote was fitted at, in pixels. */
  fontSize: number;
  alt: string;
}

/** The logo at the layout's logo height, keeping its aspect ratio. */
function scaledLogo(logo: CardLogo, height: number): CardLogo {
  return { dataUri: logo.dataUri, height, width: Math.round((logo.width * height) / logo.height) };
}

export { altText } from "./alt-text.js";

function describeChars(chars: readonly string[]): string {
  return chars
    .map((char) => `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()})`)
    .join(", ");
}

/**
 * Draws quote cards: card template → element tree → satori (SVG) → resvg (PNG).
 * Fonts, emoji and templates come in loaded, so one renderer serves any number of cards.
 */
export class CardRenderer {
  readonly #fonts: CardFontLibrary;
  readonly #emoji: EmojiSet;
  readonly #templates: TemplateRegistry;
  readonly #compiled = new Map<string, HandlebarsTemplateDelegate>();

  constructor(fonts: CardFontLibrary, emoji: EmojiSet, templates: TemplateRegistry) {
    this.#fonts = fonts;
    this.#emoji = emoji;
    this.#templates = templates;
  }

  #template(layout: string): HandlebarsTemplateDelegate {
    let template = this.#compiled.get(layout);
    if (template === undefined) {
      template = compileTemplate(this.#templates, `cards/${layout}.html.hbs`);
      this.#compiled.set(layout, template);
    }
    return template;
  }

  /** Everything the card shows must be drawable: no tofu, ever. */
  async #fontsFor(request: CardRequest): Promise<CardFonts> {
    const shown = [
      request.quote.text,
      request.quote.speaker,
      request.speakerTitle,
      request.talkTitle,
      request.handle,
    ];
    const fonts = await this.#fonts.fontsFor(shown.filter((text) => text !== undefined).join("\n"));
    const missingEmoji = fonts.emoji.filter((emoji) => !this.#emoji.has(emoji));
    const missing = [...fonts.uncovered, ...missingEmoji];
    if (missing.length > 0) {
      throw new TalkdeckError(
        ErrorCode.GlyphMissing,
        `quote ${request.quote.id} has characters no bundled font or emoji covers: ${describeChars(missing)}`,
        { hint: "pick another quote, or remove those characters with a text fragment selector" },
      );
    }
    return fonts;
  }

  #element(request: CardRequest, fonts: CardFonts, fontSize: number): CardElement {
    const markup = this.#template(request.layout)({
      quote: {
        id: request.quote.id,
        text: request.quote.text,
        segments: segmentText(request.quote.text, request.lang),
        speaker: request.quote.speaker,
        speakerTitle: request.speakerTitle,
      },
      size: request.size,
      theme: request.theme.color,
      talkTitle: request.talkTitle,
      handle: request.handle,
      logo:
        request.logo === undefined
          ? undefined
          : scaledLogo(request.logo, cardLayout(request.size).logoHeight),
      quoteMark: quoteMarkDataUri(request.theme.color.accent),
      fontSize,
      fontFamily: fonts.family,
      layout: cardLayout(request.size),
    });
    return htmlToElement(markup);
  }

  #satoriOptions(fonts: CardFonts) {
    return {
      fonts: fonts.fonts,
      loadAdditionalAsset: async (code: string, segment: string) =>
        code === "emoji" ? this.#emoji.dataUri(segment) : [],
    };
  }

  /** Height of the card's content at a font size: satori given only a width sizes the SVG to its content. */
  async #contentHeight(request: CardRequest, fonts: CardFonts, fontSize: number): Promise<number> {
    // Text as <text> rather than glyph paths: the same layout, much less work.
    const svg = await satori(this.#element(request, fonts, fontSize) as never, {
      width: request.size.width,
      embedFont: false,
      ...this.#satoriOptions(fonts),
    });
    const height = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1];
    return height === undefined ? Number.POSITIVE_INFINITY : Number(height);
  }

  async #fit(request: CardRequest, fonts: CardFonts): Promise<number> {
    const { minFont, maxFont } = cardLayout(request.size);
    const fits = async (size: number) =>
      (await this.#contentHeight(request, fonts, size)) <= request.size.height;
    // Short quotes are common and fit at the largest size: one measurement.
    if (await fits(maxFont)) return maxFont;
    if (!(await fits(minFont))) {
      throw new TalkdeckError(
        ErrorCode.QuoteTooLong,
        `quote ${request.quote.id} does not fit a ${request.size.name} card (${request.size.width}×${request.size.height}) even at ${minFont}px`,
        { hint: "pick a shorter quote for this size, or a taller size such as portrait or story" },
      );
    }
    let low = minFont;
    let high = maxFont - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (await fits(middle)) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The largest whole-pixel font size at which the card's content fits its height. */
  async fitFontSize(request: CardRequest): Promise<number> {
    return this.#fit(request, await this.#fontsFor(request));
  }

  /** The card's SVG at its fitted size; `embedFont: false` keeps text as `<text>` (for layout tests). */
  async svg(
    request: CardRequest,
    options: { embedFont?: boolean } = {},
  ): Promise<{ svg: string; fontSize: number }> {
    const fonts = await this.#fontsFor(request);
    const fontSize = await this.#fit(request, fonts);
    const svg = await satori(this.#element(request, fonts, fontSize) as never, {
      width: request.size.width,
      height: request.size.height,
      embedFont: options.embedFont ?? true,
      ...this.#satoriOptions(fonts),
    });
    return { svg, fontSize };
  }

  /** The card as PNG; `scale` below 1 draws a smaller copy (snapshot tests). */
  async render(request: CardRequest, options: { scale?: number } = {}): Promise<RenderedCard> {
    const { svg, fontSize } = await this.svg(request);
    const fitTo =
      options.scale === undefined
        ? { mode: "original" as const }
        : { mode: "zoom" as const, value: options.scale };
    const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo }).render();
    const png = encodePng({ width: image.width, height: image.height, pixels: image.pixels });
    return {
      quoteId: request.quote.id,
      size: request.size,
      png,
      fontSize,
      alt: altText(request.quote),
    };
  }
}
