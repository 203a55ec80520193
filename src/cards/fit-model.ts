import type { Segment } from "./phrases.js";

/** A card drawn once at `fontSize` with `embedFont: false` (text left as `<text>`), and its content height. */
export interface FitSample {
  fontSize: number;
  height: number;
  svg: string;
  cardWidth: number;
}

export interface FitLimits {
  minFont: number;
  maxFont: number;
  /** The card's height: the content must not be taller. */
  height: number;
}

export interface Prediction {
  fontSize: number;
  /** One pixel larger might fit too: the model puts it within its own error of the card's height. */
  closeCall: boolean;
}

/** One segment of the quote as drawn in the sample. */
interface PlacedSegment {
  left: number;
  right: number;
  line: number;
  space: boolean;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};
const decode = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39|apos);/g, (e) => ENTITIES[e] ?? e);
const ATTRIBUTES = {
  "font-size": /\bfont-size="([\d.e+-]+)"/,
  x: /\bx="([\d.e+-]+)"/,
  y: /\by="([\d.e+-]+)"/,
  width: /\bwidth="([\d.e+-]+)"/,
};
const attribute = (attributes: string, name: keyof typeof ATTRIBUTES) =>
  Number(ATTRIBUTES[name].exec(attributes)?.[1]);
const WHITESPACE = /\s+/g;

/** The quote's glyph runs in the sample: `<text>` elements at the quote's font size, in order. */
function quoteRuns(sample: FitSample) {
  const runs: { text: string; x: number; y: number; width: number }[] = [];
  for (const match of sample.svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const attributes = match[1] ?? "";
    if (attribute(attributes, "font-size") !== sample.fontSize) continue;
    runs.push({
      text: decode(match[2] ?? "").replace(WHITESPACE, ""),
      x: attribute(attributes, "x"),
      y: attribute(attributes, "y"),
      width: attribute(attributes, "width"),
    });
  }
  return runs;
}

/** Where each segment was drawn, or undefined when the runs do not spell the segments exactly. */
function placeSegments(
  runs: ReturnType<typeof quoteRuns>,
  lines: readonly number[],
  segments: readonly Segment[],
): PlacedSegment[] | undefined {
  const placed: PlacedSegment[] = [];
  let run = 0;
  for (const segment of segments) {
    let rest = segment.text.replace(WHITESPACE, "");
    if (rest === "") return undefined;
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let line: number | undefined;
    while (rest !== "") {
      const current = runs[run];
      if (current === undefined || !rest.startsWith(current.text) || current.text === "")
        return undefined;
      const currentLine = lineOf(lines, current.y);
      if (line !== undefined && currentLine !== line) return undefined;
      line = currentLine;
      left = Math.min(left, current.x);
      right = Math.max(right, current.x + current.width);
      rest = rest.slice(current.text.length);
      run += 1;
    }
    placed.push({ left, right, line: line ?? 0, space: segment.space });
  }
  // Every quote-sized run must belong to the quote: another text at that size would confuse the model.
  return run === runs.length ? placed : undefined;
}

/**
 * The lines' baselines, from the runs' baselines: fonts sit at different
 * baselines on one line (Inter and Noto Sans SC differ by a few pixels), so
 * baselines closer than half an em are one line, and its baseline is the one
 * most of its runs share.
 */
function lineBaselines(ys: readonly number[], fontSize: number): number[] {
  const sorted = [...ys].sort((a, b) => a - b);
  const lines: number[][] = [];
  for (const y of sorted) {
    const line = lines[lines.length - 1];
    if (line !== undefined && y - (line[0] ?? y) < fontSize / 2) line.push(y);
    else lines.push([y]);
  }
  return lines.map((line) => {
    const counts = new Map<number, number>();
    for (const y of line) counts.set(y, (counts.get(y) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  });
}

/** The index of the line whose baseline is nearest `y`. */
function lineOf(lines: readonly number[], y: number): number {
  let nearest = 0;
  lines.forEach((line, index) => {
    if (Math.abs(line - y) < Math.abs((lines[nearest] ?? 0) - y)) nearest = index;
  });
  return nearest;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Line index of each item when items of these widths wrap greedily (CSS flex-wrap) in `width`. */
function wrap(items: readonly number[], width: number): number[] {
  const lines: number[] = [];
  let line = 0;
  let used = 0;
  for (const item of items) {
    if (used > 0 && used + item > width + 1e-6) {
      line += 1;
      used = 0;
    }
    lines.push(line);
    used += item;
  }
  return lines;
}

/** The sample's quote as the model reads it: its segments where drawn, its lines' baselines, its left edge. */
interface SampleQuote {
  placed: PlacedSegment[];
  lineYs: number[];
  lineCount: number;
  left: number;
}

/** The quote in the sample, when its runs spell its segments on two lines or more, all starting at one left edge. */
function sampleQuote(sample: FitSample, segments: readonly Segment[]): SampleQuote | undefined {
  const runs = quoteRuns(sample);
  const lineYs = lineBaselines(
    runs.map((run) => run.y),
    sample.fontSize,
  );
  const placed = placeSegments(runs, lineYs, segments);
  if (placed === undefined || placed.length === 0) return undefined;
  const lineCount = Math.max(...placed.map(({ line }) => line)) + 1;
  if (lineCount < 2) return undefined;
  const lineStarts = placed.filter(
    (segment, index) => index === 0 || placed[index - 1]?.line !== segment.line,
  );
  const left = lineStarts[0]?.left ?? 0;
  if (lineStarts.some((segment) => Math.abs(segment.left - left) > 0.5)) return undefined;
  return { placed, lineYs, lineCount, left };
}

/** Each phrase's width in ems, as it wraps: its box, with the gap after it. */
function phraseWidthsEm(placed: readonly PlacedSegment[], fontSize: number): number[] {
  // A phrase's box runs to where the next one on its line starts (spaces are
  // margins, letter-spacing sits outside the last glyph's ink); a phrase that
  // ends a line gets the gap seen after phrases like it.
  const gapAfter = (space: boolean) => {
    const gaps = placed.flatMap((segment, index) => {
      const next = placed[index + 1];
      return segment.space === space && next !== undefined && next.line === segment.line
        ? [next.left - segment.right]
        : [];
    });
    return gaps.length > 0 ? median(gaps) : space ? 0.28 * fontSize : 0;
  };
  const gaps = { space: gapAfter(true), none: gapAfter(false) };
  return placed.map((segment, index) => {
    const next = placed[index + 1];
    const box =
      next !== undefined && next.line === segment.line
        ? next.left - segment.left
        : segment.right - segment.left + (segment.space ? gaps.space : gaps.none);
    return box / fontSize;
  });
}

/** The content's height at any font size: the sample's, with the quote's lines rewrapped and resized. */
interface HeightModel {
  lineHeightEm: number;
  heightAt: (size: number) => number;
}

/** The height model from the sample: its lines' height in ems, and the rest of the card's content fixed. */
function heightModel(
  sample: FitSample,
  quote: SampleQuote,
  widthsEm: readonly number[],
  boxEm: number,
): HeightModel | undefined {
  const first = quote.lineYs[0];
  const last = quote.lineYs[quote.lineYs.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const lineHeightEm = (last - first) / (quote.lineCount - 1) / sample.fontSize;
  const fixed = sample.height - quote.lineCount * lineHeightEm * sample.fontSize;
  const heightAt = (size: number) =>
    fixed +
    (Math.max(...wrap(widthsEm, (boxEm * sample.fontSize) / size)) + 1) * lineHeightEm * size;
  return { lineHeightEm, heightAt };
}

/** The largest size below the sample's, within the limits, at which the model says the content fits. */
function largestFittingSize(
  sample: FitSample,
  limits: FitLimits,
  model: HeightModel,
): Prediction | undefined {
  const { lineHeightEm, heightAt } = model;
  for (
    let size = Math.min(limits.maxFont, sample.fontSize - 1);
    size >= limits.minFont;
    size -= 1
  ) {
    if (heightAt(size) > limits.height) continue;
    // Baselines are whole pixels, so the model can be a few pixels off: when
    // one size up misses by less than a quarter line, it is worth measuring.
    const closeCall =
      size < sample.fontSize - 1 && heightAt(size + 1) - limits.height < 0.25 * lineHeightEm * size;
    return { fontSize: size, closeCall };
  }
  return undefined;
}

/**
 * The largest font size at which the card's content fits, predicted from one
 * drawing at a size where it did not: only the quote's block changes with the
 * font size, its phrases keep their widths in ems and wrap greedily, and its
 * lines keep their height in ems. The model must first reproduce the sample's
 * own line breaks; when it cannot (a template it does not understand), it
 * gives undefined and the caller measures instead. The caller still draws the
 * predicted size and checks that it fits.
 */
export function predictFontSize(
  sample: FitSample,
  segments: readonly Segment[],
  limits: FitLimits,
): Prediction | undefined {
  const quote = sampleQuote(sample, segments);
  if (quote === undefined) return undefined;
  const widthsEm = phraseWidthsEm(quote.placed, sample.fontSize);
  // The quote's box is as wide as the card less the same padding on both sides.
  const boxEm = (sample.cardWidth - 2 * quote.left) / sample.fontSize;
  const sampleLines = wrap(widthsEm, boxEm);
  if (sampleLines.some((line, index) => line !== quote.placed[index]?.line)) return undefined;
  const model = heightModel(sample, quote, widthsEm, boxEm);
  if (model === undefined) return undefined;
  return largestFittingSize(sample, limits, model);
}
