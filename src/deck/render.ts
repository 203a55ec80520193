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

/** Renders with marp-core in memory: slide count, emoji used, and the HTML for checks. */
export function renderDeckWithMarp(markdown: string, marp: Marp = createMarp()): RenderedDeck {
  const { html, css } = marp.render(markdown, { htmlAsArray: true });
  const all = html.join("\n");
  const pattern = new RegExp(`src="(${EMOJI_BASE}svg/[0-9a-f-]+\\.svg)"`, "g");
  const emoji = [...new Set([...all.matchAll(pattern)].map((match) => match[1] ?? ""))];
  return { html: all, css, slideCount: html.length, emoji };
}
