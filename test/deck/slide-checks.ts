import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { segmentStarts } from "../helpers/phrases.js";

/** A block of text on a slide (heading, paragraph, list item) and where each of its lines starts. */
export interface TextBlock {
  slide: number;
  text: string;
  /** Code-point offsets in `text` where a drawn line starts (the first line's, 0, left out). */
  lineStarts: number[];
}

/** What one slide shows, as the browser laid it out. */
export interface SlideReport {
  slide: number;
  /** Visible text drawn below the size asked about, with its size. */
  small: Array<{ text: string; size: number }>;
  /** Elements whose box leaves the slide's. */
  overflow: string[];
  /** Font sizes of the quote's text (quote slides). */
  quoteSizes: number[];
  /** The largest font size of any other visible text. */
  otherMax: number;
}

export async function openDeck(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * Every slide of a deck.html (marp-cli's bespoke template lays every slide
 * out, the inactive ones transparent): sizes of its visible text, the
 * pagination number included, and anything that leaves the slide.
 */
export function slideReports(page: Page, minSize: number): Promise<SlideReport[]> {
  return page.evaluate((min) => {
    const sizeOf = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
    const shown = (element: Element) => {
      const style = getComputedStyle(element);
      return style.display !== "none" && style.visibility !== "hidden";
    };
    return Array.from(document.querySelectorAll("svg[data-marpit-svg]")).map((svg, index) => {
      const report = {
        slide: index + 1,
        small: [] as Array<{ text: string; size: number }>,
        overflow: [] as string[],
        quoteSizes: [] as number[],
        otherMax: 0,
      };
      for (const section of Array.from(svg.querySelectorAll("foreignObject > section"))) {
        const box = section.getBoundingClientRect();
        const scale = box.width / 1280;
        const after = getComputedStyle(section, "::after");
        if (!["none", "normal", '""'].includes(after.content)) {
          const size = Number.parseFloat(after.fontSize);
          if (size < min) report.small.push({ text: `::after ${after.content}`, size });
          report.otherMax = Math.max(report.otherMax, size);
        }
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const parent = node.parentElement;
          const text = node.textContent?.trim() ?? "";
          if (parent === null || text === "" || !shown(parent)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if (range.getClientRects().length === 0) continue;
          const size = sizeOf(parent);
          if (size < min) report.small.push({ text, size });
          if (parent.closest("blockquote") !== null) report.quoteSizes.push(size);
          else report.otherMax = Math.max(report.otherMax, size);
        }
        for (const element of Array.from(section.querySelectorAll("*"))) {
          const rect = element.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          const out =
            rect.top < box.top - scale ||
            rect.bottom > box.bottom + scale ||
            rect.left < box.left - scale ||
            rect.right > box.right + scale;
          if (out) report.overflow.push(`${element.tagName}: ${element.textContent?.slice(0, 40)}`);
        }
      }
      return report;
    });
  }, minSize);
}

/** Every text block of every slide, with the code-point offsets where its drawn lines start. */
export function textBlocks(page: Page): Promise<TextBlock[]> {
  return page.evaluate(() => {
    const blocks: Array<{ slide: number; text: string; lineStarts: number[] }> = [];
    const slides = Array.from(document.querySelectorAll("svg[data-marpit-svg]"));
    slides.forEach((svg, index) => {
      for (const block of Array.from(svg.querySelectorAll("h1, h2, p, li"))) {
        if (block.querySelector("p, li, ul, ol") !== null) continue;
        let text = "";
        let at = 0;
        let lastTop: number | undefined;
        const lineStarts: number[] = [];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const data = node.textContent ?? "";
          let offset = 0;
          for (const char of data) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + char.length);
            const rect = range.getClientRects()[0];
            if (rect !== undefined && char.trim() !== "") {
              if (lastTop !== undefined && rect.top > lastTop + rect.height / 2)
                lineStarts.push(at);
              lastTop = rect.top;
            }
            text += char;
            offset += char.length;
            at += 1;
          }
        }
        if (text.trim() !== "") blocks.push({ slide: index + 1, text, lineStarts });
      }
    });
    return blocks;
  });
}

/**
 * Lines of a block that start inside a BudouX phrase (for CJK text; a word
 * for Latin text) that is not longer than a line: a phrase may only be cut
 * when it began at the start of the line before and still did not fit.
 */
export function badLineStarts(block: TextBlock, lang: string): string[] {
  const chars = [...block.text];
  // Latin text breaks at any space: the deck joins no orphan word to the one before.
  const afterSpaces = chars.flatMap((char, index) => (/\s/u.test(char) ? [index + 1] : []));
  const boundaries = [...new Set([...segmentStarts(block.text, lang), ...afterSpaces])].sort(
    (a, b) => a - b,
  );
  const bad: string[] = [];
  let previous = 0;
  for (const start of block.lineStarts) {
    const phraseStart = boundaries.filter((boundary) => boundary <= start).at(-1) ?? 0;
    if (phraseStart !== start && phraseStart > previous) {
      bad.push(
        `slide ${block.slide}: "${chars.slice(Math.max(0, start - 6), start).join("")}|${chars.slice(start, start + 6).join("")}"`,
      );
    }
    previous = start;
  }
  return bad;
}
