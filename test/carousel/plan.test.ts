import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmojiSet } from "../../src/cards/emoji.js";
import { loadCardFonts } from "../../src/cards/fonts.js";
import {
  carouselLayout,
  fittedSizes,
  MIN_SCALE,
  type SlideKind,
} from "../../src/carousel/layout.js";
import { planCarousel } from "../../src/carousel/plan.js";
import { qrImage } from "../../src/carousel/qr.js";
import { CarouselRenderer } from "../../src/carousel/render.js";
import { shortenAtSentences, shortenText, splitTitle } from "../../src/carousel/shorten.js";
import { resolveConfig } from "../../src/config/resolve.js";
import { toCardSize } from "../../src/config/sizes.js";
import { select } from "../../src/select.js";
import { readSource } from "../../src/source.js";
import { parseTalk } from "../../src/talk/parse.js";
import { compileTemplate, loadTemplates } from "../../src/templates.js";
import { repoRoot, tempDir } from "../helpers/paths.js";

const SHAPES = ["portrait", "tall", "square"] as const;
const KINDS: SlideKind[] = ["cover", "point", "quote", "closing"];

/** A small English talk whose title, points and quote hold markup and template syntax. */
const HOSTILE = `---
cards:
  carousel: square
  handle: "@ship<b>small</b>"
  quotes: auto
---
# <script>alert(1)</script> & {{title}}: Shipping small

Source: https://example.com/talks/shipping-small

## Key points

1. **Small <i>batches</i>:** Ship {{changes}} every day. Review them the same day. Roll back in minutes. Measure what broke.
2. **Sleep:** A team that ships small sleeps well.

**Lex:** How do you ship?

**Sam:** Well. **Ship <b>small</b> {{changes}} every day, and you will sleep well at night.** That is all.
`;

function hostileSelection() {
  const source = readSource(HOSTILE, "talk.md");
  const talk = parseTalk(source.body, source.file);
  return select(talk, resolveConfig(source, undefined, {}));
}

describe("carousel text sizes", () => {
  it("never draws text smaller than width/40, at any fit", () => {
    for (const shape of SHAPES) {
      const size = toCardSize(shape);
      const smallest = size.width / 40;
      expect(carouselLayout(size).chrome).toBeGreaterThanOrEqual(smallest);
      for (const kind of KINDS) {
        for (const size_ of Object.values(fittedSizes(kind, size, MIN_SCALE)))
          expect(size_, `${shape} ${kind}`).toBeGreaterThanOrEqual(smallest);
      }
    }
  });

  it("sizes every text in the templates from those sizes", async () => {
    const dir = join(repoRoot, "templates", "carousel");
    const names = (await readdir(dir)).filter((name) => name.endsWith(".html.hbs"));
    expect(names.sort()).toEqual(KINDS.map((kind) => `${kind}.html.hbs`).sort());
    for (const name of names) {
      const source = await readFile(join(dir, name), "utf8");
      const sizes = [...source.matchAll(/font-size:\s*([^;"]+)/gu)].map((match) => match[1]);
      expect(sizes.length, name).toBeGreaterThan(2);
      for (const value of sizes)
        expect(value, name).toMatch(/^\{\{(?:\.\.\/)?(?:fs\.\w+|layout\.chrome)\}\}px$/u);
      // Talk text is escaped: no triple-stash anywhere.
      expect(source, name).not.toContain("{{{");
    }
  });
});

describe("shortening at sentence ends", () => {
  it("keeps up to three whole sentences that fit, always the first", () => {
    const body = "One two three. Four five six. Seven eight nine. Ten eleven twelve.";
    expect(shortenAtSentences(body, 100)).toBe("One two three. Four five six. Seven eight nine.");
    expect(shortenAtSentences(body, 16)).toBe("One two three. Four five six.");
    // A point with no body gets none on its image, not an ellipsis.
    expect(shortenAtSentences("", 16)).toBe("");
    expect(shortenAtSentences("  ", 16)).toBe("");
    expect(shortenAtSentences("第一句话。第二句话比较长一些。第三句。", 12)).toBe("第一句话。");
  });

  it("cuts a first sentence too long alone at a clause, with an ellipsis", () => {
    expect(shortenAtSentences("短句开头，接着是一段很长很长很长很长很长的话。", 10)).toBe(
      "短句开头…",
    );
    expect(shortenText("A short one", 100)).toBe("A short one");
  });

  it("splits a title at its colon into the short title and the rest", () => {
    expect(splitTitle("奥特曼谈话：AI代理的障碍")).toEqual({
      main: "奥特曼谈话",
      rest: "AI代理的障碍",
    });
    expect(splitTitle("Shipping small: notes")).toEqual({ main: "Shipping small", rest: "notes" });
    expect(splitTitle("No colon here")).toEqual({ main: "No colon here", rest: undefined });
  });
});

describe("untrusted text on carousel images", () => {
  it("is escaped in the templates' markup and drawn as text", async () => {
    const selection = hostileSelection();
    const size = toCardSize("square");
    const qr = await qrImage(selection.meta.sourceUrl ?? "https://example.com/");
    const plans = planCarousel(selection, size, qr);
    expect(plans.map((plan) => plan.kind)).toEqual(["cover", "point", "point", "quote", "closing"]);
    // The parser keeps the title's text, not its tags; `&` and `{{…}}` stay as written.
    expect(plans[0]?.alt).toBe("Cover: alert(1) & {{title}} — Shipping small. Lex, Sam");
    expect(plans[3]?.alt).toBe(
      "Quote by Sam: Ship small {{changes}} every day, and you will sleep well at night.",
    );
    expect(plans[4]?.alt).toBe(
      "Source: alert(1) & {{title}}. A QR code links to the write-up at example.com. Follow @ship<b>small</b>",
    );
    const templates = await loadTemplates();
    for (const plan of plans) {
      const markup = compileTemplate(
        templates,
        `carousel/${plan.kind}.html.hbs`,
      )({
        ...plan.view,
        page: { n: 1, total: plans.length },
        size,
        theme: selection.config.theme.color,
        fontFamily: '"Inter"',
        layout: carouselLayout(size),
        fs: fittedSizes(plan.kind, size, 1),
      });
      expect(markup, plan.kind).not.toMatch(/<(?:script|b|i)>/u);
      if (plan.kind !== "cover")
        expect(markup, plan.kind).toContain("@ship&lt;b&gt;small&lt;/b&gt;");
      if (plan.kind !== "quote") expect(markup, plan.kind).toContain("{{title}}");
    }
    const renderer = new CarouselRenderer(await loadCardFonts(), await EmojiSet.load(), templates);
    for (const [index, plan] of plans.entries()) {
      const png = await renderer.render({
        plan,
        page: { n: index + 1, total: plans.length },
        size,
        theme: selection.config.theme,
      });
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1080]);
    }
  });
});

describe("carousel templates", () => {
  it("are overridden by a user's carousel/ folder, by file name, like card templates", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "carousel"));
    await writeFile(join(dir, "carousel", "cover.html.hbs"), "<div>{{title.text}}</div>");
    const templates = await loadTemplates(dir);
    expect(templates.get("carousel/cover.html.hbs")?.file).toBe(
      join(dir, "carousel", "cover.html.hbs"),
    );
    expect(templates.get("carousel/point.html.hbs")?.file).toBe(
      join(repoRoot, "templates", "carousel", "point.html.hbs"),
    );
  });
});
