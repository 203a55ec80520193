import { Marp } from "@marp-team/marp-core";
import type { Selection } from "../select.js";
import { compileTemplate, type TemplateRegistry } from "../templates.js";
import { EMOJI_BASE, marpOptions } from "./marp-options.js";
import { type DeckExtras, deckView } from "./view.js";

export const DECK_TEMPLATE = "deck/deck.md.hbs";

/** Builds the Marp Markdown of the deck from the deck template. */
export function renderDeckMarkdown(
  selection: Selection,
  templates: TemplateRegistry,
  extras: DeckExtras = {},
): string {
  const template = compileTemplate(templates, DECK_TEMPLATE, { noEscape: true });
  return `${template(deckView(selection, extras))
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

export function createMarp(): Marp {
  return new Marp(marpOptions);
}

export interface RenderedDeck {
  html: string;
  css: string;
  slideCount: number;
  /** Twemoji files the slides use, relative to deck.md (`emoji/svg/1f680.svg`). */
  emoji: string[];
}

/** The Twemoji files an HTML rendering refers to, each once, in order. */
function emojiIn(html: string): string[] {
  const pattern = new RegExp(`src="(${EMOJI_BASE}svg/[0-9a-f-]+\\.svg)"`, "g");
  return [...new Set([...html.matchAll(pattern)].map((match) => match[1] ?? ""))];
}

/** Renders with marp-core in memory: slide count, emoji used, and the HTML for checks. */
export function renderDeckWithMarp(markdown: string, marp: Marp = createMarp()): RenderedDeck {
  const { html, css } = marp.render(markdown, { htmlAsArray: true });
  const all = html.join("\n");
  return { html: all, css, slideCount: html.length, emoji: emojiIn(all) };
}

/** One marp-core for `deckFacts`: rendering keeps no state between documents that a count could see. */
let factsMarp: Marp | undefined;

/**
 * What the build needs to know of a deck before marp-cli makes it: how many
 * slides, which emoji files. Only marp-core's Markdown pass runs: the theme's
 * CSS, which neither needs, is half of a whole render's time.
 */
export function deckFacts(markdown: string): Pick<RenderedDeck, "slideCount" | "emoji"> {
  factsMarp ??= createMarp();
  const { markdown: it } = factsMarp;
  const env = {};
  const tokens = it.parse(markdown, env);
  return {
    slideCount: tokens.filter((token: { type: string }) => token.type === "marpit_slide_open")
      .length,
    emoji: emojiIn(it.renderer.render(tokens, it.options, env)),
  };
}
