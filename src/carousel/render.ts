import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { htmlToElement } from "../cards/element.js";
import type { EmojiSet } from "../cards/emoji.js";
import type { CardFontLibrary, CardFonts } from "../cards/fonts.js";
import { quoteMarkDataUri } from "../cards/layout.js";
import { encodePng } from "../cards/png.js";
import type { CardSize } from "../config/model.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { CompiledTemplates, type TemplateRegistry } from "../templates.js";
import type { ThemeTokens } from "../theme/tokens.js";
import { carouselLayout, fittedSizes, MIN_SCALE } from "./layout.js";
import type { SlidePlan } from "./plan.js";

/** One image to draw: its plan, where it stands in the carousel, and how it looks. */
export interface SlideRequest {
  plan: SlidePlan;
  page: { n: number; total: number };
  size: CardSize;
  theme: ThemeTokens;
}

/** Scale steps between full size and MIN_SCALE: 2% apart, finer than a reader notices. */
const STEPS = Math.round((1 - MIN_SCALE) / 0.02);

export function templateName(plan: SlidePlan): string {
  return `carousel/${plan.kind}.html.hbs`;
}

/** The height satori gave the SVG: the content's height when it is taller than the image. */
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
 * Draws carousel images: template → element tree → satori → resvg → PNG,
 * with the card renderer's fonts, emoji and phrase breaks. The card renderer
 * draws only quote cards; this one draws any carousel template, scaling all
 * of its type together until the content fits.
 */
export class CarouselRenderer {
  readonly #fonts: CardFontLibrary;
  readonly #emoji: EmojiSet;
  readonly #templates: CompiledTemplates;

  constructor(fonts: CardFontLibrary, emoji: EmojiSet, templates: TemplateRegistry) {
    this.#fonts = fonts;
    this.#emoji = emoji;
    this.#templates = new CompiledTemplates(templates);
  }

  /** Everything the image shows must be drawable: no tofu, ever. */
  async #fontsFor(request: SlideRequest): Promise<CardFonts> {
    const fonts = await this.#fonts.fontsFor(request.plan.shown.join("\n"));
    const missing = [...fonts.uncovered, ...fonts.emoji.filter((emoji) => !this.#emoji.has(emoji))];
    if (missing.length > 0) {
      throw new TalkdeckError(
        ErrorCode.GlyphMissing,
        `the carousel's ${request.plan.what} cannot be drawn: no bundled font or emoji has a glyph for ${describeChars(missing)}`,
        { hint: "edit those characters out of the talk, or leave that point or quote out" },
      );
    }
    return fonts;
  }

  /** Without `height` satori sizes the SVG to its content; measuring leaves text as `<text>` (much less work). */
  async #draw(
    request: SlideRequest,
    fonts: CardFonts,
    scale: number,
    options: { height?: number; embedFont: boolean },
  ) {
    const name = templateName(request.plan);
    const template = this.#templates.get(name);
    const markup = template.render({
      ...request.plan.view,
      page: request.page,
      size: request.size,
      theme: request.theme.color,
      fontFamily: fonts.family,
      layout: carouselLayout(request.size),
      fs: fittedSizes(request.plan.kind, request.size, scale),
      quoteMark: quoteMarkDataUri(request.theme.color.accent),
    });
    try {
      return await satori(htmlToElement(markup, template.origin) as never, {
        width: request.size.width,
        ...(options.height === undefined ? {} : { height: options.height }),
        embedFont: options.embedFont,
        fonts: fonts.fonts,
        loadAdditionalAsset: async (code: string, segment: string) =>
          code === "emoji" ? this.#emoji.dataUri(segment) : [],
      });
    } catch (error) {
      if (error instanceof TalkdeckError) throw error;
      throw new TalkdeckError(
        ErrorCode.TemplateError,
        `cannot draw the carousel template ${template.origin.file} for ${request.plan.what}: ${(error as Error).message}`,
        {
          hint: "check the template's HTML and CSS: satori supports flexbox layout and a subset of CSS, and images as data: URIs",
          cause: error,
        },
      );
    }
  }

  /** The largest scale step at which the content fits the image's height: 0 is full size. */
  async #fit(request: SlideRequest, fonts: CardFonts): Promise<number> {
    const scaleAt = (step: number) => 1 - (step * (1 - MIN_SCALE)) / STEPS;
    const fits = async (step: number) =>
      svgHeight(await this.#draw(request, fonts, scaleAt(step), { embedFont: false })) <=
      request.size.height;
    if (await fits(0)) return 1;
    if (!(await fits(STEPS))) {
      const { width, height, name } = request.size;
      throw new TalkdeckError(
        ErrorCode.QuoteTooLong,
        `the carousel's ${request.plan.what} does not fit a ${name} image (${width}×${height}) even at the smallest text size`,
        {
          hint:
            request.plan.kind === "quote"
              ? "leave that quote out of the cards, or choose a taller carousel (`cards.carousel: tall`)"
              : "choose a taller carousel (`cards.carousel: tall`), or leave `cards.carousel` out",
        },
      );
    }
    let low = 1;
    let high = STEPS;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (await fits(middle)) high = middle;
      else low = middle + 1;
    }
    return scaleAt(low);
  }

  /** The image as PNG, its type as large as fits. */
  async render(request: SlideRequest): Promise<Buffer> {
    const fonts = await this.#fontsFor(request);
    const scale = await this.#fit(request, fonts);
    const svg = await this.#draw(request, fonts, scale, {
      height: request.size.height,
      embedFont: true,
    });
    const image = new Resvg(svg, {
      font: { loadSystemFonts: false },
      fitTo: { mode: "original" },
    }).render();
    return encodePng({ width: image.width, height: image.height, pixels: image.pixels });
  }
}
