import { beforeAll, describe, expect, it } from "vitest";
import { estimateFit } from "../../src/cards/capacity.js";
import { cardLayout, minTextSize } from "../../src/cards/layout.js";
import type { CardRenderer, CardRequest } from "../../src/cards/render.js";
import { sourceLine } from "../../src/cards/source-line.js";
import { toCardSize } from "../../src/config/sizes.js";
import { ErrorCode, TalkdeckError } from "../../src/errors.js";
import type { Quote, Talk } from "../../src/talk/model.js";
import { cardRenderer, cardRequest, layouts, presets, quoteStarting } from "../helpers/cards.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";
import { glyphs, spelled, withoutSpaces } from "./svg-text.js";

/** Custom sizes beside the presets: a smaller portrait, a wide one, and one wide and low. */
const customSizes = ["800x1000", "1600x900", "1400x500"];
const EVENT = "DevCon 2031";
/** Our own words, long enough that no card draws them at the largest size. */
const LONG_TEXT =
  "我们花了很多时间讨论模型能做什么，却很少讨论用户真正需要什么。好的产品从一个具体的问题开始，然后一点点把答案交到用户手里，每次只多一步，看他们怎么用，再决定下一步做什么。".repeat(
    2,
  );

let renderer: CardRenderer;
let talk: Talk;
let quote: Quote;

beforeAll(async () => {
  renderer = await cardRenderer();
  talk = fixtureTalk(samplePath);
  quote = quoteStarting(talk, "弄清楚那个边界");
});

function request(
  options: { size?: string; layout?: string; title?: string; event?: string; text?: string } = {},
): CardRequest {
  const base = cardRequest(talk, quote, { size: options.size, layout: options.layout });
  return {
    ...base,
    quote: options.text === undefined ? quote : { ...quote, id: "q-long", text: options.text },
    talkTitle: options.title ?? base.talkTitle,
    event: options.event,
  };
}

/** The text drawn at a font size, spaces left out. */
function textAt(svg: string, fontSize: number): string {
  return glyphs(svg)
    .filter((glyph) => glyph.fontSize === fontSize)
    .map((glyph) => withoutSpaces(glyph.text))
    .join("");
}

describe("text at feed size", () => {
  it("keeps every size's smallest text, names and quote at 1/40 of the width or more", () => {
    const sizes = [...presets, ...customSizes, "400x300", "200x4096", "4096x200"];
    for (const name of sizes) {
      const size = toCardSize(name);
      const layout = cardLayout(size);
      const floor = size.width / 40;
      for (const [role, px] of Object.entries(layout).filter(([key]) => /Size$|Font$/.test(key))) {
        expect(px, `${name} ${role}`).toBeGreaterThanOrEqual(floor);
      }
      expect(layout.maxFont, name).toBeGreaterThanOrEqual(layout.minFont);
      expect(minTextSize(size), name).toBe(Math.ceil(floor));
      // Selection's "cannot fit" check measures at the same smallest size the renderer fits down to.
      expect(estimateFit("文字", size).minFont, name).toBe(layout.minFont);
    }
  });

  it("draws no text run smaller than 1/40 of the width, on every preset and layout", async () => {
    let fittedBelowLargest = 0;
    let refused = 0;
    for (const name of [...presets, ...customSizes]) {
      const size = toCardSize(name);
      const { maxFont, speakerSize, metaSize } = cardLayout(size);
      for (const layout of layouts) {
        for (const text of [undefined, LONG_TEXT]) {
          const where = `${name} ${layout} ${text === undefined ? "short" : "long"}`;
          const drawn = await renderer
            .svg(request({ size: name, layout, event: EVENT, text }), { embedFont: false })
            .catch((error: unknown) => {
              // A quote too long for the size is refused, never drawn smaller.
              if (error instanceof TalkdeckError && error.code === ErrorCode.QuoteTooLong) {
                refused += 1;
                return undefined;
              }
              throw error;
            });
          if (drawn === undefined) continue;
          if (drawn.fontSize < maxFont) fittedBelowLargest += 1;
          const runs = glyphs(drawn.svg);
          expect(runs.length, where).toBeGreaterThan(0);
          for (const run of runs) {
            expect(run.fontSize, `${where}: "${run.text}"`).toBeGreaterThanOrEqual(size.width / 40);
          }
          // Every role is among the runs checked: name and title, source line, handle.
          const names = textAt(drawn.svg, speakerSize);
          expect(names, where).toContain(withoutSpaces(quote.speaker));
          expect(names, where).toContain("OpenAI首席产品官");
          expect(textAt(drawn.svg, metaSize), where).toContain(withoutSpaces(EVENT));
          expect(textAt(drawn.svg, metaSize), where).toContain("@talkdeck");
        }
      }
    }
    // The fitting itself was put to the test, and so was the refusal of what cannot fit at the minimum.
    expect(fittedBelowLargest).toBeGreaterThanOrEqual(8);
    expect(refused).toBeGreaterThanOrEqual(1);
  });
});

describe("the source line", () => {
  it("is the event, else a short title (24 CJK or 40 Latin characters), else nothing", () => {
    const cjk24 = "小模型的大用处".repeat(4).slice(0, 24);
    const latin40 = "Small models, big uses: notes from a day";
    expect(latin40).toHaveLength(40);
    expect(sourceLine("A title", " OpenAI  DevDay 2024 ")).toBe("OpenAI DevDay 2024");
    expect(sourceLine(cjk24, undefined)).toBe(cjk24);
    expect(sourceLine(`${cjk24}长`, undefined)).toBeUndefined();
    expect(sourceLine(latin40, undefined)).toBe(latin40);
    expect(sourceLine(`${latin40}s`, undefined)).toBeUndefined();
    // A mix counts a CJK character as much as 10/6 of a Latin one: 18 CJK + 10 Latin = 240 tenths.
    expect(sourceLine(`${cjk24.slice(0, 18)}DevDay2024`, undefined)).toBeDefined();
    expect(sourceLine(`${cjk24.slice(0, 18)}DevDay 2024`, undefined)).toBeUndefined();
    expect(sourceLine("A title", "  ")).toBe("A title");
  });

  it("on the card: absent for a long title, the event when set, a short title otherwise", async () => {
    const shortTitle = "小模型的大用处";
    const cases: Array<[string, { title?: string; event?: string }, string]> = [
      ["long title, no event", {}, ""],
      ["long title and an event", { event: EVENT }, EVENT],
      ["short title and an event", { title: shortTitle, event: EVENT }, EVENT],
      ["short title", { title: shortTitle }, shortTitle],
    ];
    expect(talk.meta.title.length).toBeGreaterThan(40);
    for (const layout of layouts) {
      for (const size of ["square", "link"]) {
        const { metaSize } = cardLayout(toCardSize(size));
        for (const [what, options, expected] of cases) {
          const { svg } = await renderer.svg(request({ size, layout, ...options }), {
            embedFont: false,
          });
          const where = `${size} ${layout}, ${what}`;
          // The smallest text on the card is the source line and the handle, and nothing else.
          const meta = textAt(svg, metaSize);
          expect(meta.replace("@talkdeck", ""), where).toBe(withoutSpaces(expected));
          expect(spelled(svg), where).not.toContain(withoutSpaces(talk.meta.title).slice(0, 12));
        }
      }
    }
  });
});

describe("the attribution", () => {
  it("names the speaker and their role, at the names' size", async () => {
    const role = talk.speakers.find((speaker) => speaker.name === quote.speaker)?.title;
    expect(role).toBe("OpenAI首席产品官");
    for (const layout of layouts) {
      for (const size of ["square", "landscape"]) {
        const { svg } = await renderer.svg(request({ size, layout }), { embedFont: false });
        const names = textAt(svg, cardLayout(toCardSize(size)).speakerSize);
        expect(names, `${size} ${layout}`).toBe(withoutSpaces(`${quote.speaker}${role}`));
      }
    }
  });
});
