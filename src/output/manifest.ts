import { escapeHtml } from "../deck/html-escape.js";
import type { CardSize } from "../spec/model.js";
import type { GENERATOR } from "./write.js";

export interface CardEntry {
  file: string;
  quoteId: string;
  preset: string;
  width: number;
  height: number;
  speaker: string;
  text: string;
  alt: string;
  /** The front matter wrote the quote out (`{ text, by }`): the write-up only paraphrases it. */
  paraphrased?: true;
}

export interface Manifest {
  generator: typeof GENERATOR;
  version: string;
  talk: { file: string; title: string; lang: string };
  theme: string;
  deck: { markdown: string; html: string; slides: number };
  cards: CardEntry[];
  /** Every file this build wrote (the manifest aside), so the next build can tidy up. */
  files: string[];
  /** The content hash each output was made from, so the next build can keep what did not change. */
  hashes: Record<string, string>;
  /** The SHA-256 of each file's bytes as written: the next build keeps only files that still match. */
  digests: Record<string, string>;
}

export function cardFileName(quoteId: string, size: CardSize): string {
  return `cards/${quoteId}-${size.name}.png`;
}

/** A page showing every card with its alt text, and linking the deck. */
export function galleryPage(manifest: Manifest, fontCss = ""): string {
  const cards = manifest.cards
    .map(
      (card) => `<figure>
  <img src="${escapeHtml(card.file)}" alt="${escapeHtml(card.alt)}" width="${card.width}" height="${card.height}" loading="lazy">
  <figcaption><code>${escapeHtml(card.quoteId)}</code> · ${escapeHtml(card.preset)} ${card.width}×${card.height}<br>${escapeHtml(card.alt)}</figcaption>
</figure>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(manifest.talk.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(manifest.talk.title)}</title>
<style>
${fontCss}
body { font-family: "Inter", "Noto Sans SC", system-ui, "PingFang SC", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1c1917; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; }
img { width: 100%; height: auto; border: 1px solid #d6d3d1; }
figcaption { font-size: 0.85rem; color: #57534e; margin-top: 0.4rem; }
</style>
</head>
<body>
<h1>${escapeHtml(manifest.talk.title)}</h1>
<p><a href="${escapeHtml(manifest.deck.html)}">Slide deck</a> (${manifest.deck.slides} slides) · <a href="${escapeHtml(manifest.deck.markdown)}">Marp Markdown</a></p>
<main>
${cards}
</main>
</body>
</html>
`;
}
