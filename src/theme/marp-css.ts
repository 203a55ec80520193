import { QUOTE_LINE, QUOTE_SIZES, SLIDE, TYPE } from "../deck/type-scale.js";
import type { ThemeTokens } from "./tokens.js";

/** A name CSS reads unquoted: identifiers (`sans-serif`, `-apple-system`, `Noto Sans SC`). */
const CSS_IDENTIFIERS =
  /^-?[_a-zA-Z\u00a0-\u{10ffff}][-_a-zA-Z0-9\u00a0-\u{10ffff}]*(?: -?[_a-zA-Z\u00a0-\u{10ffff}][-_a-zA-Z0-9\u00a0-\u{10ffff}]*)*$/u;

/** A CSS string whose every character outside letters, digits and a few marks is a hex escape. */
function cssString(value: string): string {
  const escaped = value.replace(
    /[^\p{L}\p{N} _.,'-]/gu,
    (char) => `\\${(char.codePointAt(0) ?? 0xfffd).toString(16)} `,
  );
  return `"${escaped}"`;
}

/**
 * The theme's font list written as CSS, each name either an identifier or a
 * quoted, escaped string, so that no value can end the declaration, open a
 * rule or call `url()`, whatever the tokens hold (user themes are also checked
 * when read). Generic families (`sans-serif`) stay unquoted, as CSS needs them.
 */
export function cssFontFamilies(list: string): string {
  const families: string[] = [];
  for (const match of list.matchAll(/\s*(?:"([^"]*)"|'([^']*)'|([^,]*))\s*(?:,|$)/gu)) {
    const quoted = match[1] ?? match[2];
    const name = (quoted ?? match[3] ?? "").trim().replace(/\s+/g, " ");
    if (name === "") continue;
    families.push(quoted === undefined && CSS_IDENTIFIERS.test(name) ? name : cssString(name));
  }
  return families.length === 0 ? "sans-serif" : families.join(", ");
}

/** Text for inside a CSS comment, which a star and a slash would end early. */
function commentText(value: string): string {
  return value.replace(/\*\//g, "* /").replace(/[\r\n]+/g, " ");
}

const px = (value: number) => `${value}px`;

/** One quote size class per planned size (`q56`): layout.ts picks the largest the quote fits at. */
function quoteSizeRules(): string {
  return QUOTE_SIZES.map(
    (size) => `section.quote.q${size} blockquote { font-size: ${px(size)}; }`,
  ).join("\n");
}

/**
 * CSS laid over Marp's `default` theme, carried in the deck's own `style`
 * directive so deck.md renders the same in any Marp tool with no settings.
 * Sizes come from the deck's type scale in px, never in em of em: every
 * text, page numbers included, is at least `MIN_TEXT` on the 1280×720 slide.
 * `keep-all` stops Chromium breaking between any two CJK characters: lines
 * break at the `<wbr>` put between phrases, at spaces, and (only a phrase
 * longer than the line) anywhere; `line-break: strict` keeps closing
 * punctuation off the start of a line, as on the cards.
 */
export function marpThemeCss(theme: ThemeTokens): string {
  const { color, font } = theme;
  const { body, small, heading, title, titleLong } = TYPE;
  return `section {
  background: ${color.background};
  color: ${color.text};
  font-family: ${cssFontFamilies(font.deck)};
  font-size: ${px(body.size)};
  line-height: ${body.line};
  padding: ${px(SLIDE.padTop)} ${px(SLIDE.padX)} ${px(SLIDE.padBottom)};
  word-break: keep-all;
  overflow-wrap: anywhere;
  line-break: strict;
}
section h1, section h2 { color: ${color.accent}; font-weight: 700; text-wrap: balance; }
section h1 { font-size: ${px(title.size)}; line-height: ${title.line}; margin: 0 0 0.5em; }
section h2 { font-size: ${px(heading.size)}; line-height: ${heading.line}; margin: 0 0 0.6em; }
section p { margin: 0 0 0.5em; }
section ul, section ol { margin: 0; padding-left: 1.4em; }
section ol { padding-left: 1.6em; }
section li + li { margin-top: 0.3em; }
section li::marker { color: ${color.accent}; }
section strong { color: ${color.text}; }
section a { color: ${color.accent}; }
section::after { color: ${color.muted}; font-size: ${px(small.size)}; padding: 0 28px 16px 0; }
section.title { justify-content: center; }
section.title.long h1 { font-size: ${px(titleLong.size)}; }
section.title p { color: ${color.muted}; font-size: ${px(small.size)}; line-height: ${small.line}; margin: 0.3em 0; }
section.title p strong, section.title p em { color: ${color.text}; font-size: ${px(body.size)}; font-style: normal; }
section.agenda li::marker { font-weight: 700; }
section.quote { background: ${color.surface}; justify-content: center; }
section.quote blockquote {
  border: none; margin: 0; padding: 0;
  color: ${color.text}; font-weight: 700; line-height: ${QUOTE_LINE}; text-wrap: balance;
}
${quoteSizeRules()}
section.quote blockquote::before {
  content: "\\201C"; color: ${color.accent}; display: block;
  /* The CJK face draws a curly mark in the right half of its cell: pull it back to the margin. */
  font-family: "Noto Sans SC", serif; font-size: 1.5em; line-height: 0.55; height: 0.55em; margin-left: -0.5em;
}
section.quote blockquote::after { content: none; }
section.quote blockquote + p { color: ${color.muted}; font-size: ${px(small.size)}; line-height: ${small.line}; margin: 24px 0 0; }
section.speakers p { font-size: ${px(small.size)}; line-height: ${small.line}; margin: 0 0 0.2em; }
section.speakers p:has(> strong) { margin-top: 0.7em; }
section.speakers h2 + p { margin-top: 0; }
section.speakers p strong { color: ${color.accent}; font-size: ${px(body.size)}; }
section.closing { justify-content: center; }
section.closing h1 { margin-bottom: 0.3em; }
section.closing p { font-size: ${px(small.size)}; line-height: ${small.line}; color: ${color.muted}; margin: 0.3em 0; }
section.closing img { background: #ffffff; padding: 10px; border-radius: 6px; margin-top: 0.4em; }`;
}

/** The theme's Marp name: `talkdeck-midnight`. */
export function marpThemeName(theme: ThemeTokens): string {
  return `talkdeck-${theme.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/**
 * The same rules as a Marp theme of its own (`/* @theme talkdeck-midnight *\/`),
 * written as theme.css for Marp settings, `marp --theme-set` or marp-core's themeSet.
 */
export function marpThemeFile(theme: ThemeTokens): string {
  return `/* @theme ${marpThemeName(theme)} */\n/* Generated by talkdeck from the ${commentText(theme.name)} theme tokens. */\n@import 'default';\n\n${marpThemeCss(theme)}\n`;
}
