import type { BuildContext } from "../build-context.js";
import type { EmojiSet } from "../cards/emoji.js";
import type { CardSize } from "../config/model.js";
import { toCardSize } from "../config/sizes.js";
import type { CarouselEntry, CarouselSection } from "../output/manifest.js";
import { contentHash, type OutputReuse } from "../output/reuse.js";
import type { OutputFile } from "../output/write.js";
import type { Selection } from "../select.js";
import type { TemplateRegistry } from "../templates.js";
import { version } from "../version.js";
import { carouselPdf } from "./pdf.js";
import { planCarousel } from "./plan.js";
import { qrImage } from "./qr.js";
import { type SlideRequest, templateName } from "./render.js";

export interface BuiltCarousel {
  files: OutputFile[];
  /** The manifest's `carousel` section; undefined when the front matter asks for none. */
  section: CarouselSection | undefined;
  /** Images drawn in this build (the rest were unchanged and reused); the PDF not counted. */
  rendered: number;
}

export const CAROUSEL_PDF = "carousel/carousel.pdf";

/** `carousel/01.png`: numbered so that a folder listing shows them in order. */
export function carouselFileName(page: number, total: number): string {
  return `carousel/${String(page).padStart(Math.max(2, String(total).length), "0")}.png`;
}

/** Everything an image's pixels depend on: the same hash means the same PNG. */
function imageHash(request: SlideRequest, templates: TemplateRegistry): string {
  const template = templates.get(templateName(request.plan))?.source ?? "";
  const { plan, ...rest } = request;
  return contentHash(
    version,
    template,
    JSON.stringify({ ...rest, kind: plan.kind, view: plan.view, shown: plan.shown }),
  );
}

interface Planned {
  name: string;
  hash: string;
  request: SlideRequest;
  png?: Buffer;
}

/** Draws the images no earlier build left unchanged, in this thread: a carousel is a dozen images. */
async function drawMissing(
  planned: readonly Planned[],
  emoji: EmojiSet,
  templates: TemplateRegistry,
): Promise<number> {
  const missing = planned.filter((image) => image.png === undefined);
  if (missing.length === 0) return 0;
  // satori, resvg and the fonts load only when an image has to be drawn.
  const [{ CarouselRenderer }, { loadCardFonts }] = await Promise.all([
    import("./render.js"),
    import("../cards/fonts.js"),
  ]);
  const renderer = new CarouselRenderer(await loadCardFonts(), emoji, templates);
  for (const image of missing) image.png = await renderer.render(image.request);
  return missing.length;
}

/** The PDF of the images, read back when made from the same images and texts last time. */
async function pdfFile(
  planned: readonly Planned[],
  size: CardSize,
  selection: Selection,
  outputs: OutputReuse,
): Promise<OutputFile> {
  const meta = {
    title: selection.meta.title,
    lang: selection.meta.lang,
    author: selection.meta.author,
  };
  const hash = contentHash(
    version,
    "carousel.pdf",
    JSON.stringify(meta),
    ...planned.map((image) => `${image.hash} ${image.request.plan.alt}`),
  );
  const [reused] = (await outputs.reuse([CAROUSEL_PDF], hash)) ?? [];
  if (reused !== undefined) return reused;
  const data = await carouselPdf(
    planned.map((image) => ({
      png: image.png ?? Buffer.alloc(0),
      width: size.width,
      height: size.height,
      alt: image.request.plan.alt,
    })),
    meta,
  );
  outputs.record([CAROUSEL_PDF], hash);
  return { name: CAROUSEL_PDF, data };
}

/**
 * The carousel the front matter asks for (`cards.carousel`): numbered images
 * and their PDF, in memory; unchanged images are read back from the previous
 * build instead of drawn.
 */
export async function buildCarousel(context: BuildContext): Promise<BuiltCarousel> {
  const { selection, templates, emoji, outputs } = context;
  const shape = selection.config.cards.carousel;
  if (shape === undefined) return { files: [], section: undefined, rendered: 0 };
  const size = toCardSize(shape);
  const { sourceUrl } = selection.meta;
  const qr = sourceUrl === undefined ? undefined : await qrImage(sourceUrl);
  const plans = planCarousel(selection, size, qr);
  const planned: Planned[] = [];
  for (const [index, plan] of plans.entries()) {
    const request: SlideRequest = {
      plan,
      page: { n: index + 1, total: plans.length },
      size,
      theme: selection.config.theme,
    };
    const name = carouselFileName(index + 1, plans.length);
    const hash = imageHash(request, templates);
    const [reused] = (await outputs.reuse([name], hash)) ?? [];
    const data = reused?.data;
    planned.push({
      name,
      hash,
      request,
      ...(data === undefined ? {} : { png: Buffer.isBuffer(data) ? data : Buffer.from(data) }),
    });
  }
  const rendered = await drawMissing(planned, emoji, templates);
  for (const image of planned) outputs.record([image.name], image.hash);
  const pdf = await pdfFile(planned, size, selection, outputs);
  const images: CarouselEntry[] = planned.map((image) => ({
    file: image.name,
    kind: image.request.plan.kind,
    page: image.request.page.n,
    alt: image.request.plan.alt,
    width: size.width,
    height: size.height,
  }));
  return {
    files: [
      ...planned.map((image) => ({ name: image.name, data: image.png ?? Buffer.alloc(0) })),
      pdf,
    ],
    section: {
      preset: size.name,
      width: size.width,
      height: size.height,
      pdf: CAROUSEL_PDF,
      images,
    },
    rendered,
  };
}
