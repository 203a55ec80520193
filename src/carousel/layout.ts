import type { CardSize } from "../config/model.js";

export type SlideKind = "cover" | "point" | "quote" | "closing";

/**
 * Each kind's type sizes at full scale, in pixels at 1080 wide. The renderer
 * scales them down together until the content fits the image, never below
 * the smallest text size (`minText`).
 */
const FITTED: Readonly<Record<SlideKind, Readonly<Record<string, number>>>> = {
  cover: { title: 84, subtitle: 42, speaker: 38, meta: 32 },
  point: { numeral: 112, lead: 64, body: 42 },
  quote: { text: 68, speaker: 40, meta: 32 },
  closing: { source: 60, meta: 32, handle: 52 },
};

/** The smallest scale tried: below it every size has reached `minText` or is too small to read. */
export const MIN_SCALE = 0.5;

/** Lengths that do not change with the fit: margins, the corner labels, the QR code. */
export function carouselLayout(size: CardSize) {
  const unit = size.width / 1080;
  const px = (value: number) => Math.round(value * unit);
  // A phone shows a 1080 px image about 400 px wide: width/40 is the smallest text that stays legible.
  const minText = Math.ceil(size.width / 40);
  return {
    unit,
    minText,
    padding: px(96),
    gap: px(40),
    smallGap: px(16),
    chrome: Math.max(minText, px(30)),
    ruleWidth: px(96),
    ruleHeight: Math.max(4, px(8)),
    markWidth: px(104),
    markHeight: px(78),
    // Larger where the image is taller than wide: a dense link's code needs the pixels to scan.
    qr: px(size.height > size.width ? 400 : 340),
    qrPad: px(28),
  };
}

export type CarouselLayout = ReturnType<typeof carouselLayout>;

/** The kind's type sizes at `scale`, none below the smallest text size. */
export function fittedSizes(
  kind: SlideKind,
  size: CardSize,
  scale: number,
): Record<string, number> {
  const { unit, minText } = carouselLayout(size);
  return Object.fromEntries(
    Object.entries(FITTED[kind]).map(([name, base]) => [
      name,
      Math.max(minText, Math.round(base * unit * scale)),
    ]),
  );
}
