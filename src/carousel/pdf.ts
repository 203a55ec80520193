import { PDFDocument } from "pdf-lib";
import { TextLayer } from "./text-layer.js";

export interface PdfPage {
  png: Buffer;
  width: number;
  height: number;
  /** The image's alt text: the page's searchable (invisible) text. */
  alt: string;
}

/** CSS pixels to PDF points: a 1080 px image is a 810 pt page, the size it shows at 100%. */
const POINTS_PER_PIXEL = 72 / 96;

/**
 * The carousel as one PDF (LinkedIn takes carousels as documents): a page
 * per image, in order, each the image's shape, with its alt text as an
 * invisible text layer. No dates are written, so the same images give the
 * same bytes.
 */
export async function carouselPdf(
  pages: readonly PdfPage[],
  meta: { title: string; lang: string; author?: string | undefined },
): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setLanguage(meta.lang);
  if (meta.author !== undefined) doc.setAuthor(meta.author);
  doc.setCreator("talkdeck");
  doc.setProducer("talkdeck");
  const text = new TextLayer(doc);
  for (const page of pages) {
    const image = await doc.embedPng(page.png);
    const width = page.width * POINTS_PER_PIXEL;
    const height = page.height * POINTS_PER_PIXEL;
    const pdfPage = doc.addPage([width, height]);
    pdfPage.drawImage(image, { x: 0, y: 0, width, height });
    text.write(pdfPage, page.alt);
  }
  text.finish();
  return Buffer.from(await doc.save());
}
