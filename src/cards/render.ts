import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import satori from "satori";
import type { CardSize } from "../config/model.js";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import type { Quote } from "../talk/model.js";
import { CompiledTemplates, type TemplateRegistry } from "../templates.js";
import type { ThemeTokens } from "../theme/tokens.js";
import { altText } from "./alt-text.js";
import { estimateFit } from "./capacity.js";
import { type CardElement, htmlToElement } from "./element.js";
import type { EmojiSet } from "./emoji.js";
import { predictFontSize } from "./fit-model.js";
import type { CardFontLibrary, CardFonts } from "./fonts.js";
import { cardLayout, quoteMarkDataUri } from "./layout.js";
import { type Segment, segmentText } from "./phrases.js";
import { encodePng, type PremultipliedImage } from "./png.js";
import { sourceLine } from "./source-line.js";

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
  /** The talk's full title; shown as the source line only when short (source-line.ts). */
  talkTitle: string;
  /** The event's short name (`OpenAI DevDay 2024`): the source line when set. */
  event?: string | undefined;
  handle?: string | undefined;
  logo?: CardLogo | undefined;
  /** Card template: `cards/<layout>.html.hbs`. */
  layout: string;
  lang: string;
  /**
   * Where the quote was chosen (its front-matter selector, or its line in the
   * talk), named by messages about its card. Not part of the drawing.
   */
  origin?: ErrorLocation | undefined;
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

/** `a square card (1080×1080)`: which card a message is about. */
function describeSize(size: CardSize): string {
  return `a ${size.name} card (${size.width}×${size.height})`;
}

function describeChars(chars: readonly string[]): string {
  return chars
    .map((char) => `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()})`)
    .join(", ");
}

function tooLong(request: CardRequest, minFont: number): TalkdeckError {
  return new TalkdeckError(
    ErrorCode.QuoteTooLong,
    `quote ${request.quote.id} does not fit ${describeSize(request.size)} even at the smallest font size, ${minFont}px`,
    {
      location: request.origin ?? {},
      hint: "pick a shorter quote for this size, or a taller size such as portrait or story",
    },
  );
}

/**
 * Draws quote cards: card template → element tree → satori (SVG) → resvg (PNG).
 * Fonts, emoji and templates come in loaded, so one renderer serves any number of cards.
 */
export class CardRenderer {
  readonly #fonts: CardFontLibrary;
  readonly #emoji: EmojiSet;
  readonly #templates: CompiledTemplates;

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
    this.#templates = new CompiledTemplates(templates);
    this.#afterRaster = options.afterRaster;
  }

  /** The card template of a layout, compiled once, and its file and text for messages. */
  #template(layout: string) {
    return this.#templates.get(`cards/${layout}.html.hbs`);
  }

  /** Everything the card shows must be drawable: no tofu, ever. */
  async #fontsFor(request: CardRequest): Promise<CardFonts> {
    const shown: Array<[string, string | undefined]> = [
      ["the quote", request.quote.text],
      ["the speaker's name", request.quote.speaker],
      ["the speaker's title", request.speakerTitle],
      // User templates may still show the whole title.
      ["the talk's title", request.talkTitle],
      ["the event", request.event],
      ["the handle", request.handle],
    ];
    const fonts = await this.#fonts.fontsFor(
      shown.flatMap(([, text]) => (text === undefined ? [] : [text])).join("\n"),
    );
    const missingEmoji = fonts.emoji.filter((emoji) => !this.#emoji.has(emoji));
    const missing = [...fonts.uncovered, ...missingEmoji];
    if (missing.length > 0) {
      // The quote is what the user chose; say so when the character is in the attribution instead.
      const where = shown.find(([, text]) => missing.some((char) => text?.includes(char)))?.[0];
      throw new TalkdeckError(
        ErrorCode.GlyphMissing,
        `quote ${request.quote.id} cannot be drawn on ${describeSize(request.size)}: no bundled font or emoji has a glyph for ${describeChars(missing)}${where === undefined ? "" : ` in ${where}`}`,
        {
          location: request.origin ?? {},
          hint: "pick another quote, or edit those characters out of the talk",
        },
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
    const template = this.#template(request.layout);
    const markup = template.render({
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
      sourceLine: sourceLine(request.talkTitle, request.event),
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
    return htmlToElement(markup, template.origin);
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
    }).catch((error: unknown) => {
      if (error instanceof TalkdeckError) throw error;
      // What satori cannot draw comes from the template (a broken data: image, CSS it lacks).
      const { file } = this.#template(request.layout).origin;
      throw new TalkdeckError(
        ErrorCode.TemplateError,
        `cannot draw the card template ${file} for quote ${request.quote.id} (${request.size.name}): ${(error as Error).message}`,
        {
          hint: "check the template's HTML and CSS: cards support flexbox layout and a subset of CSS, and images as valid data: URIs",
          cause: error,
        },
      );
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
      throw tooLong(request, minFont);
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
    // Measuring a quote far too long for the card takes minutes: refuse it first.
    if (estimateFit(request.quote.text, request.size).impossible) throw tooLong(request, minFont);
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
