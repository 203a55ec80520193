import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlToElement } from "../../src/cards/element.js";
import { loadCardFonts } from "../../src/cards/fonts.js";
import { CardRenderer, type CardRequest } from "../../src/cards/render.js";
import { ErrorCode, TalkdeckError } from "../../src/errors.js";
import { readSource } from "../../src/source.js";
import { toCardSize } from "../../src/spec/sizes.js";
import type { Quote, Talk } from "../../src/talk/model.js";
import { parseTalk } from "../../src/talk/parse.js";
import { loadTemplates } from "../../src/templates.js";
import { builtInThemes, type ThemeTokens } from "../../src/theme/tokens.js";
import { repoRoot, samplePath } from "../helpers/paths.js";
import { decodePng, inkShare, PNG_SIGNATURE } from "../helpers/png.js";

const snapshotDir = join(repoRoot, "test", "snapshots", "cards");
/** Anti-aliasing may shift a little between resvg builds; layout or font changes move far more. */
const MAX_DIFF_SHARE = 0.002;

let renderer: CardRenderer;
let talk: Talk;

beforeAll(async () => {
  renderer = new CardRenderer(await loadCardFonts(), await loadTemplates());
  const source = readSource(readFileSync(samplePath, "utf8"), samplePath);
  talk = parseTalk(source.body, source.file);
});

function quoteStarting(start: string): Quote {
  const quote = talk.quotes.find((candidate) => candidate.text.startsWith(start));
  if (quote === undefined) throw new Error(`no sample quote starts with ${start}`);
  return quote;
}

function request(
  quote: Quote,
  size = "square",
  theme: ThemeTokens = builtInThemes.midnight as ThemeTokens,
): CardRequest {
  return { quote, size: toCardSize(size), theme, talkTitle: talk.meta.title, handle: "@talkdeck" };
}

/** Compares with the committed PNG; UPDATE_SNAPSHOTS=1 rewrites it. */
function expectMatchesSnapshot(png: Buffer, name: string): void {
  const file = join(snapshotDir, `${name}.png`);
  if (process.env.UPDATE_SNAPSHOTS === "1" || (!existsSync(file) && process.env.CI !== "true")) {
    writeFileSync(file, png);
  }
  const expected = PNG.sync.read(readFileSync(file));
  const actual = decodePng(png);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const differing = pixelmatch(expected.data, actual.data, undefined, actual.width, actual.height, {
    threshold: 0.1,
  });
  expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(MAX_DIFF_SHARE);
}

describe("quote cards", () => {
  it("draws a 1080×1080 PNG that shows the quote", async () => {
    const card = await renderer.render(request(quoteStarting("弄清楚那个边界")));
    expect(card.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = decodePng(card.png);
    expect([image.width, image.height]).toEqual([1080, 1080]);
    const ink = inkShare(image);
    expect(ink).toBeGreaterThan(0.04);
    expect(ink).toBeLessThan(0.5);
    expect(card.alt).toBe(`Quote by 凯文·韦尔: ${quoteStarting("弄清楚那个边界").text}`);
    expectMatchesSnapshot(card.png, "boundary-square-midnight");
  });

  it("matches the light theme snapshot at landscape size", async () => {
    const card = await renderer.render(
      request(quoteStarting("你无法完全预测"), "landscape", builtInThemes.paper),
    );
    const image = decodePng(card.png);
    expect([image.width, image.height]).toEqual([1200, 675]);
    expectMatchesSnapshot(card.png, "fog-landscape-paper");
  });

  it("fits the font to the text: shorter quotes get larger type", async () => {
    const short = await renderer.fitFontSize(request(quoteStarting("长上下文的使用率")));
    const long = await renderer.fitFontSize(request(quoteStarting("你想要为AI模型")));
    expect(short).toBeGreaterThan(long);
    expect(long).toBeGreaterThanOrEqual(34);
  });

  it("refuses a quote that cannot fit, naming the quote and the size", async () => {
    const quote = quoteStarting("你想要为AI模型");
    const error = await renderer
      .render(request(quote, "400x300"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TalkdeckError);
    expect((error as TalkdeckError).code).toBe(ErrorCode.QuoteTooLong);
    expect((error as TalkdeckError).message).toContain(quote.id);
    expect((error as TalkdeckError).message).toContain("400x300");
  });

  it("shows escaped characters as the characters, not as entities", () => {
    const text = `R&D <b>bold</b> "quoted" 'single' {{x}}`;
    const markup = Handlebars.compile(
      '<div style="display: flex; font-family: {{font}};">{{text}}</div>',
    )({
      text,
      font: '"Noto Sans SC"',
    });
    const element = htmlToElement(markup);
    expect(element.props.children).toBe(text);
    expect(element.props.style?.fontFamily).toBe('"Noto Sans SC"');
  });
});
