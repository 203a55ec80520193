import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import satori from "satori";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { CardSize } from "../spec/model.js";
import type { Quote } from "../talk/model.js";
import { compileTemplate, type TemplateRegistry } from "../templates.js";
import type { ThemeTokens } from "../theme/tokens.js";
import { altText } from "./alt-text.js";
import { type CardElement, htmlToElement } from "./element.js";
import type { EmojiSet } from "./emoji.js";
import { predictFontSize } from "./fit-model.js";
import type { CardFontLibrary, CardFonts } from "./fonts.js";
import { cardLayout, quoteMarkDataUri } from "./layout.js";
import { type Segment, segmentText } from "./phrases.js";
import { encodePng, type PremultipliedImage } from "./png.js";

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

/**
 * resvg's pixels, copied into a Buffer V8 accounts for; resvg's own objects
 * die here, young, so a cheap collection right after frees their native memory.
 */
function rasterize(svg: string, fitTo: ResvgRenderOptions["fitTo"]): PremultipliedImage {
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** The height satori gave the SVG: the content's height when no height was set. */
function svgHeight(svg: string): number {
  const height = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1];
  return height === undefined ? Number.POSITIVE_INFINITY : Number(height);
}

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

  readonly #afterRaster: (() => void) | undefined;

  /** `afterRaster` runs once a drawing's pixels are copied out and nothing refers to resvg's objects. */
  constructor(
    fonts: CardFontLibrary,
    emoji: EmojiSet,
    templates: TemplateRegistry,
    options: { afterRaster?: () => void } = {},
  ) {
    this.#fonts = fonts;
    this.#emoji = emoji;
    this.#templates = templates;
    this.#afterRaster = options.afterRaster;
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

  #element(
    request: CardRequest,
    fonts: CardFonts,
    fontSize: number,
    segments: Segment[],
  ): CardElement {
    const markup = this.#template(request.layout)({
      quote: {
        id: request.quote.id,
        text: request.quote.text,
        segments,
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

  /** The card drawn at a font size; without `height`, satori sizes the SVG to its content. */
  #draw(
    request: CardRequest,
    fonts: CardFonts,
    fontSize: number,
    segments: Segment[],
    options: { embedFont: boolean; height?: number },
  ): Promise<string> {
    return satori(this.#element(request, fonts, fontSize, segments) as never, {
      width: request.size.width,
      ...(options.height === undefined ? {} : { height: options.height }),
      embedFont: options.embedFont,
      ...this.#satoriOptions(fonts),
    });
  }

  /** Height of the card's content at a font size, and the drawing, text left as `<text>` (much less work than glyph paths). */
  async #measure(request: CardRequest, fonts: CardFonts, fontSize: number, segments: Segment[]) {
    const svg = await this.#draw(request, fonts, fontSize, segments, { embedFont: false });
    return { svg, height: svgHeight(svg) };
  }

  /** The largest whole-pixel size that fits, by measuring: maximum, minimum, then binary search. */
  async #search(request: CardRequest, fonts: CardFonts, segments: Segment[]): Promise<number> {
    const { minFont, maxFont } = cardLayout(request.size);
    const fits = async (size: number) =>
      (await this.#measure(request, fonts, size, segments)).height <= request.size.height;
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

  /** The card drawn unconstrained at `fontSize`, if its content fits the card's height. */
  async #drawIfFits(
    request: CardRequest,
    fonts: CardFonts,
    fontSize: number,
    segments: Segment[],
    options: { embedFont: boolean },
  ): Promise<{ svg: string; height: number; fits: boolean }> {
    const { height } = request.size;
    const svg = await this.#draw(request, fonts, fontSize, segments, options);
    const drawn = svgHeight(svg);
    if (drawn > height) return { svg, height: drawn, fits: false };
    // A template without `min-height` draws short content short: draw it again at the card's height.
    const full =
      drawn === height
        ? svg
        : await this.#draw(request, fonts, fontSize, segments, { ...options, height });
    return { svg: full, height: drawn, fits: true };
  }

  /**
   * The card at the largest whole-pixel font size at which its content fits.
   * Most quotes fit at the largest size: one drawing shows it. A longer
   * quote's size is predicted from a measurement at the largest size
   * (fit-model.ts) and the card drawn at it shows that it fits. Only when the
   * prediction fails or is wrong is the size searched by measuring.
   */
  async #fitted(
    request: CardRequest,
    fonts: CardFonts,
    options: { embedFont: boolean; exhaustive?: boolean },
  ): Promise<{ svg: string; fontSize: number }> {
    const { minFont, maxFont } = cardLayout(request.size);
    const { width, height } = request.size;
    const segments = segmentText(request.quote.text, request.lang);
    if (options.exhaustive !== true) {
      const largest = await this.#drawIfFits(request, fonts, maxFont, segments, options);
      if (largest.fits) return { svg: largest.svg, fontSize: maxFont };
      const sample = options.embedFont
        ? await this.#measure(request, fonts, maxFont, segments)
        : largest;
      const prediction = predictFontSize(
        { ...sample, fontSize: maxFont, cardWidth: width },
        segments,
        { minFont, maxFont, height },
      );
      if (prediction !== undefined) {
        let { fontSize } = prediction;
        if (prediction.closeCall) {
          const larger = await this.#measure(request, fonts, fontSize + 1, segments);
          if (larger.height <= height) fontSize += 1;
        }
        const drawn = await this.#drawIfFits(request, fonts, fontSize, segments, options);
        if (drawn.fits) return { svg: drawn.svg, fontSize };
      }
    }
    const fontSize = await this.#search(request, fonts, segments);
    const svg = await this.#draw(request, fonts, fontSize, segments, { ...options, height });
    return { svg, fontSize };
  }

  /** The largest whole-pixel font size at which the card's content fits its height; `exhaustive` measures every step instead of predicting. */
  async fitFontSize(request: CardRequest, options: { exhaustive?: boolean } = {}): Promise<number> {
    const fonts = await this.#fontsFor(request);
    return (await this.#fitted(request, fonts, { embedFont: false, ...options })).fontSize;
  }

  /** The card's SVG at its fitted size; `embedFont: false` keeps text as `<text>` (for layout tests). */
  async svg(
    request: CardRequest,
    options: { embedFont?: boolean } = {},
  ): Promise<{ svg: string; fontSize: number }> {
    const fonts = await this.#fontsFor(request);
    return this.#fitted(request, fonts, { embedFont: options.embedFont ?? true });
  }

  /** The card as PNG; `scale` below 1 draws a smaller copy (snapshot tests). */
  async render(request: CardRequest, options: { scale?: number } = {}): Promise<RenderedCard> {
    const { svg, fontSize } = await this.svg(request);
    const fitTo =
      options.scale === undefined
        ? { mode: "original" as const }
        : { mode: "zoom" as const, value: options.scale };
    const raster = rasterize(svg, fitTo);
    this.#afterRaster?.();
    const png = encodePng(raster);
    return {
      quoteId: request.quote.id,
      size: request.size,
      png,
      fontSize,
      alt: altText(request.quote),
    };
  }
}
