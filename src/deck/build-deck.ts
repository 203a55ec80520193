import type { EmojiSet } from "../cards/emoji.js";
import type { OutputFile } from "../output/write.js";
import type { Selection } from "../select.js";
import type { TemplateRegistry } from "../templates.js";
import { marpThemeFile } from "../theme/marp-css.js";
import { emojiFiles, fetchImage, qrCodeSvg } from "./assets.js";
import { findBrowser, INSTALL_HINT } from "./browser.js";
import { embeddedFontCss } from "./fonts-css.js";
import { type DeckFormat, exportDeck } from "./marp-cli.js";
import { renderDeckMarkdown, renderDeckWithMarp } from "./render.js";
import { standaloneHtml } from "./standalone.js";
import type { DeckExtras } from "./view.js";

export type BrowserFormat = Exclude<DeckFormat, "html">;

export interface DeckOptions {
  /** Exports the user asked for on the command line: missing a browser fails the build's exit code. */
  required: readonly BrowserFormat[];
  /** Exports the front matter asks for: missing a browser only skips them, with a note. */
  wanted: readonly BrowserFormat[];
  allowRemote: boolean;
  /** The Markdown body of a spec file: the user's own slides. */
  userSlides: string | undefined;
  /** A browser path, `false` for none, or undefined to find one. */
  browser?: string | false | undefined;
}

export interface BuiltDeck {
  files: OutputFile[];
  slides: number;
  notes: string[];
  /** Exports asked for on the command line that could not be made (no browser). */
  missing: BrowserFormat[];
}

/**
 * Everything of the deck, in memory: deck.md with its local assets (emoji,
 * QR code, cover), a self-contained deck.html from marp-cli's bespoke template,
 * and PDF / PPTX / slide PNGs when asked for and a browser is installed.
 */
export async function buildDeck(
  selection: Selection,
  templates: TemplateRegistry,
  emoji: EmojiSet,
  options: DeckOptions,
): Promise<BuiltDeck> {
  const notes: string[] = [];
  const assets: OutputFile[] = [];
  const extras: DeckExtras = {};
  const { meta } = selection;
  if (meta.sourceUrl !== undefined) {
    const qr = await qrCodeSvg(meta.sourceUrl);
    assets.push(qr);
    extras.qr = qr.name;
  }
  if (meta.coverUrl !== undefined) {
    if (options.allowRemote) {
      try {
        const cover = await fetchImage(meta.coverUrl, "cover");
        assets.push(cover);
        extras.cover = cover.name;
      } catch (error) {
        notes.push(`the cover image was left out: ${(error as Error).message}`);
      }
    } else notes.push("the cover image is on the web and was left out; --allow-remote fetches it");
  }
  if (options.userSlides !== undefined && options.userSlides.trim() !== "")
    extras.userSlides = options.userSlides;

  const markdown = renderDeckMarkdown(selection, templates, extras);
  const rendered = renderDeckWithMarp(markdown);
  const used = await emojiFiles(rendered.emoji, emoji);
  if (used.missing.length > 0) notes.push(`no offline image for emoji ${used.missing.join(", ")}`);
  assets.push(...used.files);

  const browser = options.browser === false ? undefined : findBrowser(options.browser);
  const asked = [...new Set([...options.required, ...options.wanted])];
  // Asked for on the command line: the caller reports it as an error. From the front matter: a note.
  const missing = browser === undefined ? [...new Set(options.required)] : [];
  const skipped =
    browser === undefined ? asked.filter((format) => !options.required.includes(format)) : [];
  if (skipped.length > 0) {
    notes.push(
      `${skipped.map((format) => format.toUpperCase()).join(", ")} skipped: no browser found; ${INSTALL_HINT}`,
    );
  }
  const formats: DeckFormat[] = ["html", ...(browser === undefined ? [] : asked)];
  const exported = await exportDeck(markdown, assets, formats, browser, await embeddedFontCss());
  const standalone = (file: OutputFile): OutputFile =>
    file.name === "deck.html"
      ? { name: file.name, data: standaloneHtml(file.data.toString(), assets) }
      : file;
  return {
    files: [
      { name: "deck.md", data: markdown },
      { name: "theme.css", data: marpThemeFile(selection.theme) },
      ...assets,
      ...exported.map(standalone),
    ],
    slides: rendered.slideCount,
    notes,
    missing,
  };
}
