import Handlebars from "handlebars";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlToElement } from "../../src/cards/element.js";
import type { CardRenderer } from "../../src/cards/render.js";
import { ErrorCode, TalkdeckError } from "../../src/errors.js";
import type { Talk } from "../../src/talk/model.js";
import { cardRenderer, cardRequest, quoteStarting } from "../helpers/cards.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";
import { decodePng, inkShare, PNG_SIGNATURE } from "../helpers/png.js";

let renderer: CardRenderer;
let talk: Talk;

beforeAll(async () => {
  renderer = await cardRenderer();
  talk = fixtureTalk(samplePath);
});

describe("quote cards", () => {
  it("draws a 1080×1080 PNG that shows the quote, with alt text", async () => {
    const quote = quoteStarting(talk, "弄清楚那个边界");
    const card = await renderer.render(cardRequest(talk, quote));
    expect(card.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = decodePng(card.png);
    expect([image.width, image.height]).toEqual([1080, 1080]);
    const ink = inkShare(image);
    expect(ink).toBeGreaterThan(0.04);
    expect(ink).toBeLessThan(0.5);
    expect(card.alt).toBe(`Quote by 凯文·韦尔: ${quote.text}`);
  });

  it("draws every preset at its platform size", async () => {
    const quote = quoteStarting(talk, "弄清楚那个边界");
    const expected: Record<string, [number, number]> = {
      portrait: [1080, 1350],
      tall: [1080, 1440],
      story: [1080, 1920],
      landscape: [1200, 675],
      link: [1200, 630],
      "800x1000": [800, 1000],
    };
    for (const [size, dimensions] of Object.entries(expected)) {
      const image = decodePng((await renderer.render(cardRequest(talk, quote, { size }))).png);
      expect([image.width, image.height], size).toEqual(dimensions);
      expect(inkShare(image), size).toBeGreaterThan(0.02);
    }
  });

  it("fits the font to the text: shorter quotes get larger type", async () => {
    const short = await renderer.fitFontSize(
      cardRequest(talk, quoteStarting(talk, "长上下文的使用率")),
    );
    const long = await renderer.fitFontSize(
      cardRequest(talk, quoteStarting(talk, "你想要为AI模型")),
    );
    expect(short).toBeGreaterThan(long);
    expect(long).toBeGreaterThanOrEqual(34);
  });

  it("refuses a quote that cannot fit, naming the quote and the size", async () => {
    const quote = quoteStarting(talk, "你想要为AI模型");
    const error = await renderer
      .render(cardRequest(talk, quote, { size: "400x300" }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TalkdeckError);
    expect((error as TalkdeckError).code).toBe(ErrorCode.QuoteTooLong);
    expect((error as TalkdeckError).message).toContain(quote.id);
    expect((error as TalkdeckError).message).toContain("400x300");
  });

  it("refuses characters no bundled font covers instead of drawing tofu", async () => {
    const quote = {
      ...quoteStarting(talk, "弄清楚那个边界"),
      id: "q-tofu",
      text: "A script we do not ship: ሰላም ✶",
    };
    const error = await renderer
      .render(cardRequest(talk, quote))
      .catch((caught: unknown) => caught);
    expect((error as TalkdeckError).code).toBe(ErrorCode.GlyphMissing);
    expect((error as TalkdeckError).message).toMatch(/q-tofu.*"ሰ" \(U\+1230\)/);
  });

  it("names an unknown layout and lists the known ones", async () => {
    const quote = quoteStarting(talk, "弄清楚那个边界");
    const error = await renderer
      .render(cardRequest(talk, quote, { layout: "poster" }))
      .catch((caught: unknown) => caught);
    expect((error as TalkdeckError).code).toBe(ErrorCode.UnknownTemplate);
    expect((error as TalkdeckError).hint).toContain("cards/statement.html.hbs");
  });

  it("shows escaped characters as the characters, not as entities", () => {
    const text = `R&D <b>bold</b> "quoted" 'single' {{x}}`;
    const markup = Handlebars.compile(
      '<div style="display: flex; font-family: {{font}};">{{text}}</div>',
    )({ text, font: '"Noto Sans SC"' });
    const element = htmlToElement(markup);
    expect(element.props.children).toBe(text);
    expect(element.props.style?.fontFamily).toBe('"Noto Sans SC"');
  });
});
