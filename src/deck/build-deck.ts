import type { BuildContext } from "../build-context.js";
import { cssDigest } from "../fonts/css-bytes.js";
import { contentHash, type OutputReuse } from "../output/reuse.js";
import type { OutputFile } from "../output/write.js";
import type { Selection } from "../select.js";
import { marpThemeFile } from "../theme/marp-css.js";
import { version } from "../version.js";
import { emojiFiles, fetchImage, qrCodeSvg } from "./assets.js";
import { findBrowser, INSTALL_HINT } from "./browser.js";
import { localCoverFile } from "./cover.js";
import { embeddedFontCss } from "./fonts-css.js";
import { type DeckFormat, exportDeck } from "./marp-cli.js";
import { deckFacts, renderDeckMarkdown } from "./render.js";
import type { DeckExtras } from "./view.js";

export type BrowserFormat = Exclude<DeckFormat, "html">;

export interface DeckOptions {
  /** Exports the user asked for on the command line: missing a browser fails the build's exit code. */
  required: readonly BrowserFormat[];
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

/** The files an export makes: `deck.html`, `deck.pdf`, `deck.pptx`, `slides/slide.NNN.png`. */
function madeBy(format: DeckFormat): (name: string) => boolean {
  return format === "png"
    ? (name) => name.startsWith("slides/")
    : (name) => name === `deck.${format}`;
}

/**
 * Runs marp-cli only for the exports whose inputs changed since the previous
 * build in this folder (a browser export takes seconds); the rest are read back.
 */
async function exportOrReuse(
  markdown: string,
  assets: readonly OutputFile[],
  formats: readonly DeckFormat[],
  browser: string | undefined,
  outputs: OutputReuse,
): Promise<OutputFile[]> {
  const fontCss = await embeddedFontCss(markdown);
  const inputs = [
    version,
    markdown,
    cssDigest(fontCss),
    ...assets.flatMap((asset) => [asset.name, asset.data]),
  ];
  const hashes = new Map(formats.map((format) => [format, contentHash(format, ...inputs)]));
  const files: OutputFile[] = [];
  const stale: DeckFormat[] = [];
  for (const [format, hash] of hashes) {
    const reused = await outputs.reuse(outputs.previousNames(hash, madeBy(format)), hash);
    if (reused === undefined) stale.push(format);
    else files.push(...reused);
  }
  if (stale.length > 0) {
    const made = await exportDeck(markdown, assets, stale, browser, fontCss);
    for (const format of stale) {
      const names = made.map((file) => file.name).filter(madeBy(format));
      outputs.record(names, hashes.get(format) ?? "");
    }
    files.push(...made);
  }
  return files;
}

/** The title slide's cover image, if it gets one; why not, in `notes`. */
async function coverImage(
  selection: Selection,
  allowRemote: boolean,
  notes: string[],
): Promise<OutputFile | undefined> {
  // The user's own local cover (front matter) wins over the write-up's web cover.
  const local =
    selection.config.cover === undefined
      ? undefined
      : await localCoverFile(selection.config.cover, notes);
  if (local !== undefined) return local;
  const { coverUrl } = selection.meta;
  if (coverUrl === undefined) return undefined;
  if (!allowRemote) {
    notes.push("the cover image is on the web and was left out; --allow-remote fetches it");
    return undefined;
  }
  try {
    return await fetchImage(coverUrl, "cover");
  } catch (error) {
    notes.push(`the cover image was left out: ${(error as Error).message}`);
    return undefined;
  }
}

/** deck.md's QR code and cover, and what the deck's template is told of them and of the user's slides. */
async function deckExtras(
  selection: Selection,
  options: DeckOptions,
  notes: string[],
): Promise<{ assets: OutputFile[]; extras: DeckExtras }> {
  const assets: OutputFile[] = [];
  const extras: DeckExtras = {};
  const { meta } = selection;
  if (meta.sourceUrl !== undefined) {
    const qr = await qrCodeSvg(meta.sourceUrl);
    assets.push(qr);
    extras.qr = qr.name;
  }
  const cover = await coverImage(selection, options.allowRemote, notes);
  if (cover !== undefined) {
    assets.push(cover);
    extras.cover = cover.name;
  }
  if (options.userSlides !== undefined && options.userSlides.trim() !== "")
    extras.userSlides = options.userSlides;
  return { assets, extras };
}

/** The exports to make (HTML, and those asked for when there is a browser), and those missed for want of one. */
function plannedExports(
  browser: string | undefined,
  options: Pick<DeckOptions, "required"> & {
    /** Exports the front matter asks for (`deck.formats`): missing a browser only skips them, with a note. */
    wanted: readonly BrowserFormat[];
  },
  notes: string[],
): { formats: DeckFormat[]; missing: BrowserFormat[] } {
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
  return { formats: ["html", ...(browser === undefined ? [] : asked)], missing };
}

/**
 * Everything of the deck, in memory: deck.md with its local assets (emoji,
 * QR code, cover), a self-contained deck.html from marp-cli's bespoke template,
 * and PDF / PPTX / slide PNGs when asked for and a browser is installed.
 */
export async function buildDeck(
  { selection, templates, emoji, outputs }: BuildContext,
  options: DeckOptions,
): Promise<BuiltDeck> {
  const notes: string[] = [];
  const { assets, extras } = await deckExtras(selection, options, notes);

  const markdown = renderDeckMarkdown(selection, templates, extras);
  const rendered = deckFacts(markdown);
  const used = await emojiFiles(rendered.emoji, emoji);
  if (used.missing.length > 0) notes.push(`no offline image for emoji ${used.missing.join(", ")}`);
  assets.push(...used.files);

  const browser = options.browser === false ? undefined : findBrowser(options.browser);
  const asked = { required: options.required, wanted: selection.config.deck.formats };
  const { formats, missing } = plannedExports(browser, asked, notes);
  const exported = await exportOrReuse(markdown, assets, formats, browser, outputs);
  return {
    files: [
      { name: "deck.md", data: markdown },
      { name: "theme.css", data: marpThemeFile(selection.config.theme) },
      ...assets,
      ...exported,
    ],
    slides: rendered.slideCount,
    notes,
    missing,
  };
}
