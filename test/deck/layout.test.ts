import { describe, expect, it } from "vitest";
import { imageTypeOf } from "../../src/deck/cover.js";
import { escapeMarkdown } from "../../src/deck/escape.js";
import { planAgenda, planPoint, planQuote, quoteSize, shortBio } from "../../src/deck/layout.js";
import { headingSlug } from "../../src/deck/marp-options.js";
import { lineCount } from "../../src/deck/measure.js";
import { escapeWithBreaks, WBR } from "../../src/deck/phrase-breaks.js";
import { createMarp, renderDeckWithMarp } from "../../src/deck/render.js";
import { CONTENT, MIN_TEXT, QUOTE_LINE, QUOTE_SIZES, TYPE } from "../../src/deck/type-scale.js";

describe("phrase breaks", () => {
  it("go between CJK phrases only, after escaping, and change nothing else", () => {
    const text =
      "我们必须遵循科学<script>alert(1)</script>，让**科学**决定 :smile: ![x](y) 访问 https://example.com/路径/页面 看看 OpenAI 的 API";
    const marked = escapeWithBreaks(text, "zh");
    expect(marked.split(WBR).length).toBeGreaterThan(4);
    expect(marked.replaceAll(WBR, "")).toBe(escapeMarkdown(text));
    // Never inside the address (linkify would cut the link), never between two Latin words.
    expect(marked).toContain("https://example.com/路径/页面 ");
    expect(marked).toContain("OpenAI 的");
    const { html } = renderDeckWithMarp(`---\nmarp: true\n---\n\n${marked}\n`);
    expect(html).not.toMatch(/<script>alert|<img|<strong/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<wbr />");
  });

  it("leave Latin text to its spaces", () => {
    const text = "Let's make sure our ideas of success are truly our own.";
    expect(escapeWithBreaks(text, "en")).toBe(escapeMarkdown(text));
  });

  it("keep block syntax at the start escaped", () => {
    expect(escapeWithBreaks("# 标题不是标题", "zh")).toMatch(/^\\#/);
    expect(escapeWithBreaks("1. 列表不是列表", "zh")).toMatch(/^1\\\./);
  });
});

describe("slide plans", () => {
  const body = "这是一个很长的要点，用来检查幻灯片不会溢出。".repeat(20);

  it("cut a long body into bullets of whole sentences, at most four a slide, over continuation slides", () => {
    const slides = planPoint("很长的要点", "很长的要点（续）", body);
    expect(slides.length).toBeGreaterThan(1);
    for (const bullets of slides) expect(bullets.length).toBeLessThanOrEqual(4);
    expect(slides.flat().join("")).toBe(body);
    for (const bullet of slides.flat()) expect(bullet).toMatch(/。$/);
  });

  it("keep a short body on one slide", () => {
    expect(planPoint("要点", "要点（续）", "一句话。")).toEqual([["一句话。"]]);
  });

  it("split a long agenda over slides rather than shrink it", () => {
    const items = Array.from({ length: 14 }, (_, index) => ({
      lead: `第${index + 1}个要点的标题有一点长，长到要占两行才能放下的那种长度`,
    }));
    const slides = planAgenda("内容提要（续）", items);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.flat()).toEqual(items);
  });

  it("shorten a bio to whole sentences within three lines", () => {
    const bio = "他是一位经验丰富的企业家和投资者，曾担任创业孵化器的总裁。".repeat(6);
    const short = shortBio(bio);
    expect(bio.startsWith(short)).toBe(true);
    expect(short).toMatch(/。$/);
    expect(lineCount(short, TYPE.small.size, CONTENT.width)).toBeLessThanOrEqual(3);
    expect(shortBio("无标点".repeat(80))).toMatch(/…$/);
  });

  it("size a quote down as it grows, never below the largest heading", () => {
    expect(quoteSize("做科学允许的事情。")).toBe(QUOTE_SIZES[0]);
    const long = quoteSize(
      "我们想找到一些我们觉得如果我们不做，世界就会错过这个东西的事情。".repeat(3),
    );
    expect(long).toBeLessThan(QUOTE_SIZES[0]);
    expect(Math.min(...QUOTE_SIZES)).toBeGreaterThan(TYPE.title.size);
    for (const role of Object.values(TYPE)) expect(role.size).toBeGreaterThanOrEqual(MIN_TEXT);
  });
});

describe("a quote longer than a slide", () => {
  /** The part's height at its size against the room a quote slide leaves (layout.ts's own rule, restated). */
  const fits = (text: string, size: number) =>
    lineCount(text, size, CONTENT.width, true) * size * QUOTE_LINE <=
    CONTENT.height - 0.8 * size - (TYPE.small.size * TYPE.small.line + 24);
  const words = (text: string) => text.replace(/…/g, " ").split(/\s+/).filter(Boolean);

  it("stays whole on one slide when it fits at any quote size", () => {
    const text = "我们想找到一些我们觉得如果我们不做，世界就会错过这个东西的事情。".repeat(3);
    expect(planQuote(text)).toEqual({ size: quoteSize(text), parts: [text] });
  });

  it("goes on over slides at the smallest size, cut between sentences (no ellipsis there), every word kept", () => {
    const sentence =
      "Every feature we shipped was one somebody asked for, and not one of them made people stay.";
    const text = Array.from({ length: 6 }, () => sentence).join(" ");
    const { size, parts } = planQuote(text);
    expect(size).toBe(Math.min(...QUOTE_SIZES));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(fits(part, size), part).toBe(true);
    expect(parts[0]).toMatch(/stay\.$/);
    expect(parts.at(-1)).toMatch(/^Every/);
    expect(parts.flatMap(words)).toEqual(words(text));
  });

  it("cuts a sentence too long for one slide at a clause, marked with an ellipsis, and text with no place to cut anywhere", () => {
    const clauses = `${"我们认真地记录下来，认真地排期，认真地交付，".repeat(12)}最后才明白。`;
    const unbroken = "无".repeat(600);
    for (const text of [clauses, unbroken]) {
      const { size, parts } = planQuote(text);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(fits(part, size)).toBe(true);
      expect(parts.join("").replace(/…/g, "")).toBe(text);
    }
    const [first, second] = planQuote(clauses).parts;
    expect(first).toMatch(/，…$/);
    expect(second).toMatch(/^…/);
  });
});

describe("cover images", () => {
  it("are told by their bytes, not their names", () => {
    expect(imageTypeOf(Buffer.from("89504e470d0a1a0a0000", "hex"))).toBe("png");
    expect(imageTypeOf(Buffer.from("ffd8ffe000", "hex"))).toBe("jpg");
    expect(imageTypeOf(Buffer.from("GIF89a...."))).toBe("gif");
    expect(imageTypeOf(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(imageTypeOf(Buffer.from("<svg onload=alert(1)>"))).toBeUndefined();
  });
});

describe("heading ids", () => {
  it("leave out the phrase breaks: the id says the heading's words", () => {
    const { html } = createMarp().render(
      "## 用户<wbr>体验的<wbr>未来\n\n---\n\n## 用户<wbr>体验的<wbr>未来\n",
    );
    expect(html.match(/<h2 id="[^"]*"/g)).toEqual([
      '<h2 id="用户体验的未来"',
      '<h2 id="用户体验的未来-1"',
    ]);
    expect(headingSlug("AGI <wbr>的发展 & 路径!")).toBe("agi-的发展-路径");
  });

  it("keep a last `#` of a lead: `Learning C #` is not read as a closing sequence", () => {
    const { html } = createMarp().render(`## ${escapeMarkdown("Learning C #")}\n`);
    expect(html).toMatch(/<h2[^>]*>Learning C #<\/h2>/);
  });
});
