/**
 * One quote card as a PNG, for a program that draws its own (a website's Open
 * Graph images): the build's renderer, fonts, emoji and templates, with simple inputs.
 */
import { resolve } from "node:path";
import type { EmojiSet } from "../cards/emoji.js";
import type { CardSize } from "../config/model.js";
import { CARD_SIDE, cardSizePresets, toCardSize } from "../config/sizes.js";
import { themeSetting } from "../config/theme-setting.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { Quote } from "../talk/model.js";
import { detectLang } from "../talk/text.js";
import { HEX_COLOR } from "../theme/color.js";
import { DECK_FONTS, type ThemeTokens } from "../theme/tokens.js";

/** The card sizes the platforms use: square 1080×1080, portrait 1080×1350, tall 1080×1440, story 1080×1920, landscape 1200×675, link 1200×630. */
export type CardSizeName = "square" | "portrait" | "tall" | "story" | "landscape" | "link";

export interface RenderCardOptions {
  /** The quote, as the card shows it. */
  text: string;
  /** Who said it. */
  speaker: string;
  /** The speaker's role, shown after the name (`CEO of Acme`). */
  speakerTitle?: string;
  /** A preset (default `square`) or a size in whole pixels, each side 200–4096. */
  size?: CardSizeName | { width: number; height: number };
  /**
   * `midnight` (default), `paper`, `brand` (with `brand`), the path of a
   * YAML/JSON tokens file, or colours of your own (`{ color: { background,
   * surface, text, muted, accent, onAccent } }`, each `#rrggbb`).
   */
  theme?: string | Pick<ThemeTokens, "color">;
  /** A brand colour, `#rrggbb`: the `brand` theme made from it, when `theme` is not given or is `brand`. */
  brand?: string;
  /** The card template, `cards/<layout>.html.hbs`: `classic` (default), `statement`, or one of `templatesDir`. */
  layout?: string;
  /** The event's short name (`OpenAI DevDay 2024`): the card's source line. */
  event?: string;
  /** The talk's title: the source line when there is no `event` and the title is short. */
  talkTitle?: string;
  /** A handle shown on the card (`@acme`). */
  handle?: string;
  /** Path of a local PNG, JPEG or SVG logo (at most 2 MB). */
  logo?: string;
  /** BCP 47 language of the text, for line breaks (`zh` breaks between phrases); detected when not given. */
  lang?: string;
  /** A folder of your own templates (`cards/<layout>.html.hbs`), overriding ours by file name. */
  templatesDir?: string;
}

const COLOR_KEYS = ["background", "surface", "text", "muted", "accent", "onAccent"] as const;

function usage(message: string, key: string, hint: string): TalkdeckError {
  return new TalkdeckError(ErrorCode.Usage, message, { location: { key }, hint });
}

function cardSize(size: RenderCardOptions["size"]): CardSize {
  if (size === undefined || typeof size === "string") {
    const name = size ?? "square";
    if (!Object.hasOwn(cardSizePresets, name))
      throw usage(
        `unknown card size \`${name}\``,
        "size",
        `presets: ${Object.keys(cardSizePresets).join(", ")}, or { width, height }`,
      );
    return toCardSize(name);
  }
  const { width, height } = size;
  const side = (value: unknown) =>
    Number.isInteger(value) &&
    (value as number) >= CARD_SIDE.min &&
    (value as number) <= CARD_SIDE.max;
  if (!side(width) || !side(height))
    throw usage(
      `a card of ${String(width)}×${String(height)} pixels cannot be drawn`,
      "size",
      `give whole pixels, each side from ${CARD_SIDE.min} to ${CARD_SIDE.max}`,
    );
  return { name: `${width}x${height}`, width, height };
}

function cardTheme(theme: RenderCardOptions["theme"], brand: string | undefined): ThemeTokens {
  if (brand !== undefined && !HEX_COLOR.test(brand))
    throw new TalkdeckError(
      ErrorCode.UnknownTheme,
      `the brand colour \`${brand}\` is not #rrggbb`,
      {
        location: { key: "brand" },
        hint: 'give a colour such as "#0a66c2"',
      },
    );
  if (theme === undefined || typeof theme === "string")
    return themeSetting(theme, brand === undefined ? {} : { brand }, undefined, () => ({})).theme;
  const wrong = COLOR_KEYS.find((key) => !HEX_COLOR.test(String(theme.color?.[key])));
  if (wrong !== undefined)
    throw new TalkdeckError(
      ErrorCode.UnknownTheme,
      `the theme's \`color.${wrong}\` is not #rrggbb`,
      {
        location: { key: "theme" },
        hint: `a theme's colours are ${COLOR_KEYS.join(", ")}, each "#rrggbb"`,
      },
    );
  const color = Object.fromEntries(COLOR_KEYS.map((key) => [key, theme.color[key]]));
  return {
    name: "custom",
    scheme: "light",
    color: color as ThemeTokens["color"],
    font: { deck: DECK_FONTS },
  };
}

/** The Twemoji set, listed once per process; the module is loaded only when a card is drawn. */
async function emojiSet(): Promise<EmojiSet> {
  const { loadEmojiSet } = await import("../cards/emoji.js");
  return loadEmojiSet();
}

/**
 * Draws one quote card as a PNG, as `talkdeck build` draws its cards: the
 * bundled fonts (Inter, Noto Sans SC) and Twemoji, the card templates, the
 * text at the largest size that fits. Fonts are loaded on the first call and
 * kept. Throws a `TalkdeckError` when the quote cannot fit the size even at
 * the smallest type (`QUOTE_TOO_LONG`), a character has no glyph
 * (`GLYPH_MISSING`), or an option is wrong.
 */
export async function renderCard(options: RenderCardOptions): Promise<Buffer> {
  const size = cardSize(options.size);
  const theme = cardTheme(options.theme, options.brand);
  const [{ CardRenderer }, { loadCardFonts }, { loadLogo }, { loadTemplates }, { quoteHash }] =
    await Promise.all([
      import("../cards/render.js"),
      import("../cards/fonts.js"),
      import("../cards/logo.js"),
      import("../templates.js"),
      import("../talk/quotes.js"),
    ]);
  const quote: Quote = {
    id: `q-${quoteHash(options.text).slice(0, 4)}`,
    text: options.text,
    speaker: options.speaker,
    turn: 0,
    line: 0,
    score: 0,
    why: [],
  };
  const logo =
    options.logo === undefined ? undefined : await loadLogo(resolve(options.logo), { key: "logo" });
  const renderer = new CardRenderer(
    await loadCardFonts(),
    await emojiSet(),
    await loadTemplates(options.templatesDir),
  );
  const card = await renderer.render({
    quote,
    speakerTitle: options.speakerTitle,
    size,
    theme,
    talkTitle: options.talkTitle ?? "",
    event: options.event,
    handle: options.handle,
    logo,
    layout: options.layout ?? "classic",
    lang: options.lang ?? detectLang(options.text),
  });
  return card.png;
}
