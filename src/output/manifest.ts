import type { CardSize } from "../config/model.js";
import { escapeHtml } from "../deck/html-escape.js";
import { cssBytes } from "../fonts/css-bytes.js";
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

/** One image of the carousel, in order. */
export interface CarouselEntry {
  file: string;
  kind: "cover" | "point" | "quote" | "closing";
  /** 1-based position, the number drawn in its corner. */
  page: number;
  alt: string;
  width: number;
  height: number;
}

/** The carousel (`cards.carousel`): its shape, its PDF and its images in order. */
export interface CarouselSection {
  preset: string;
  width: number;
  height: number;
  pdf: string;
  images: CarouselEntry[];
}

export interface Manifest {
  generator: typeof GENERATOR;
  version: string;
  talk: { file: string; title: string; lang: string };
  theme: string;
  deck: { markdown: string; html: string; slides: number };
  cards: CardEntry[];
  /** Present when the front matter asks for a carousel. */
  carousel?: CarouselSection;
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

/** The file name a download link suggests: `q-3f2a-square.png`, not `cards/…`. */
function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

/** An image with its download link, and its alt text with a button that copies it. */
function figure(
  image: { file: string; alt: string; width: number; height: number },
  caption: string,
): string {
  const file = escapeHtml(image.file);
  return `<figure>
  <img src="${file}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}" loading="lazy">
  <figcaption>${caption} · <a href="${file}" download="${escapeHtml(baseName(image.file))}">Download</a>
    <p class="alt">${escapeHtml(image.alt)}</p>
    <button type="button" class="copy">Copy alt text</button>
  </figcaption>
</figure>`;
}

/** The cards grouped by quote, in the manifest's order: each quote's sizes side by side under its text. */
function cardGroups(cards: readonly CardEntry[]): string {
  const groups = new Map<string, CardEntry[]>();
  for (const card of cards) groups.set(card.quoteId, [...(groups.get(card.quoteId) ?? []), card]);
  return [...groups.values()]
    .map((group) => {
      const [first] = group;
      if (first === undefined) return "";
      const figures = group.map((card) =>
        figure(card, `${escapeHtml(card.preset)} ${card.width}×${card.height}`),
      );
      return `<section class="quote" id="${escapeHtml(first.quoteId)}">
<h3>${escapeHtml(first.text)}</h3>
<p class="by">${escapeHtml(first.speaker)} · <code>${escapeHtml(first.quoteId)}</code>${first.paraphrased === true ? " · paraphrased" : ""}</p>
<div class="sizes">
${figures.join("\n")}
</div>
</section>`;
    })
    .join("\n");
}

/** The carousel as a strip, in order, with its PDF. */
function carouselStrip(carousel: CarouselSection): string {
  const total = carousel.images.length;
  const items = carousel.images.map(
    (image) =>
      `<li>${figure(image, `<strong>${image.page}/${total}</strong> ${escapeHtml(image.kind)}`)}</li>`,
  );
  return `<section class="carousel">
<h2>Carousel</h2>
<p>${total} images, ${escapeHtml(carousel.preset)} ${carousel.width}×${carousel.height} · <a href="${escapeHtml(carousel.pdf)}" download="${escapeHtml(baseName(carousel.pdf))}">PDF</a></p>
<ol class="strip">
${items.join("\n")}
</ol>
</section>`;
}

/**
 * Copies the alt text beside the button. The page is opened from disk
 * (file://), where the Clipboard API may be missing: a selected, hidden
 * textarea and `execCommand("copy")` then do it. Fixed text, no talk text.
 */
const COPY_SCRIPT = `document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("button.copy") : null;
  if (button === null) return;
  const text = button.parentElement.querySelector(".alt").textContent;
  let copied = false;
  try { await navigator.clipboard.writeText(text); copied = true; } catch {}
  if (!copied) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    try { copied = document.execCommand("copy"); } catch {}
    area.remove();
  }
  button.textContent = copied ? "Copied" : "Select the text to copy it";
  setTimeout(() => { button.textContent = "Copy alt text"; }, 1500);
});`;

const STYLE = `body { font-family: "Inter", "Noto Sans SC", system-ui, "PingFang SC", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1c1917; }
figure { margin: 0; }
img { width: 100%; height: auto; border: 1px solid #d6d3d1; }
figcaption { font-size: 0.85rem; color: #57534e; margin-top: 0.4rem; }
.alt { margin: 0.3rem 0; }
button.copy { font: inherit; font-size: 0.8rem; }
.strip { display: flex; gap: 1rem; overflow-x: auto; list-style: none; padding: 0 0 1rem; margin: 0; }
.strip li { flex: 0 0 14rem; }
section.quote { margin: 2rem 0; }
section.quote h3 { margin-bottom: 0.2rem; }
.by { color: #57534e; margin-top: 0; }
.sizes { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem; }`;

/**
 * A contact sheet: the carousel strip, then every card grouped by quote,
 * each with a download link and its alt text. The fonts' megabytes are
 * joined as bytes, not copied into one more string.
 */
export function galleryPage(manifest: Manifest, fontCss = ""): Buffer {
  const carousel = manifest.carousel === undefined ? "" : carouselStrip(manifest.carousel);
  const cards =
    manifest.cards.length === 0
      ? ""
      : `<section class="cards">
<h2>Cards</h2>
${cardGroups(manifest.cards)}
</section>`;
  const before = `<!doctype html>
<html lang="${escapeHtml(manifest.talk.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(manifest.talk.title)}</title>
<style>
`;
  const after = `
${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(manifest.talk.title)}</h1>
<p><a href="${escapeHtml(manifest.deck.html)}">Slide deck</a> (${manifest.deck.slides} slides) · <a href="${escapeHtml(manifest.deck.markdown)}">Marp Markdown</a></p>
<main>
${carousel}
${cards}
</main>
<script>
${COPY_SCRIPT}
</script>
</body>
</html>
`;
  return Buffer.concat([Buffer.from(before), cssBytes(fontCss), Buffer.from(after)]);
}
