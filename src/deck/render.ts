import { Marp } from "@marp-team/marp-core";
import type { Selection } from "../select.js";
import { compileTemplate, type TemplateRegistry } from "../templates.js";
import { escapeHtml } from "./html-escape.js";
import { deckView } from "./view.js";

export const DECK_TEMPLATE = "deck/deck.md.hbs";

/** Builds the Marp Markdown of the deck from the deck template. */
export function renderDeckMarkdown(selection: Selection, templates: TemplateRegistry): string {
  const template = compileTemplate(templates, DECK_TEMPLATE, { noEscape: true });
  return `${template(deckView(selection))
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/**
 * The marp-core instance for rendering decks: emoji stay as text (no CDN images,
 * no `:shortcode:` conversion), no math, so nothing is fetched when the page opens.
 */
export function createMarp(): Marp {
  return new Marp({
    html: false,
    math: false,
    emoji: { shortcode: false, unicode: false },
    minifyCSS: false,
  });
}

export interface RenderedDeck {
  html: string;
  css: string;
  slideCount: number;
}

export function renderDeckWithMarp(markdown: string, marp: Marp = createMarp()): RenderedDeck {
  const { html, css } = marp.render(markdown, { htmlAsArray: true });
  return { html: html.join("\n"), css, slideCount: html.length };
}

/** A standalone page of the rendered slides, for opening in any browser, offline. */
export function deckHtmlPage(
  rendered: RenderedDeck,
  title: string,
  lang: string,
  fontCss = "",
): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
html, body { margin: 0; background: #3f3f46; }
body { padding: 24px 0; }
div.marpit > svg { display: block; width: min(96vw, 1280px); height: auto; margin: 0 auto 24px; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35); }
</style>
<style>
${fontCss}
${rendered.css}
</style>
</head>
<body>
<div class="marpit">
${rendered.html}
</div>
</body>
</html>
`;
}
