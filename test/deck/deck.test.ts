import { Marp } from "@marp-team/marp-core";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { displayUrl, escapeMarkdown, escapeNote, markdownLink } from "../../src/deck/escape.js";
import { deckFacts, renderDeckMarkdown, renderDeckWithMarp } from "../../src/deck/render.js";
import { deckView } from "../../src/deck/view.js";
import { type Selection, select } from "../../src/select.js";
import { readSource } from "../../src/source.js";
import type { Quote } from "../../src/talk/model.js";
import { parseTalk } from "../../src/talk/parse.js";
import { loadTemplates, type TemplateRegistry } from "../../src/templates.js";
import { fixture } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";

const sample = fixture(samplePath);
let templates: TemplateRegistry;

beforeAll(async () => {
  templates = await loadTemplates();
});

function selectionFor(frontMatter: string): Selection {
  const source = readSource(`---\n${frontMatter}\n---\n${sample}`, "talk.md");
  return select(parseTalk(source.body, source.file), resolveConfig(source, undefined, {}));
}

/** marp-core with its defaults, as other Marp tools would render deck.md (emoji shortcodes on). */
const defaultMarp = () => new Marp();

const HOSTILE =
  "Before\n\n---\n\n<!-- theme: gaia -->\n<!-- _class: lead -->\n<style>section { background: red !important; }</style>\n" +
  ":smile: {{meta.title}} <script>alert(1)</script> ![bg](https://evil.test/x.png) $x^2$ ==mark== # not a heading";

describe("the deck", () => {
  it("has exactly the slides the selection implies", () => {
    // title + agenda + points + quotes + speakers (the sample has bios) + closing;
    // twelve points' leads take two agenda slides at a size read from the back of a room.
    const cases: Array<[string, number]> = [
      ["", 1 + 2 + 12 + 6 + 1 + 1],
      ["deck:\n  points: [1, 2, 3]\n  quotes: { auto: 2 }", 1 + 1 + 3 + 2 + 1 + 1],
      ["deck:\n  points: none\n  quotes: none", 1 + 1 + 1],
      [
        "deck:\n  points: [5]\n  quotes: [科学决定, 透过迷雾, 弄清楚那个边界]",
        1 + 1 + 1 + 3 + 1 + 1,
      ],
    ];
    for (const [frontMatter, expected] of cases) {
      const markdown = renderDeckMarkdown(selectionFor(frontMatter), templates);
      expect(renderDeckWithMarp(markdown).slideCount, frontMatter).toBe(expected);
      expect(renderDeckWithMarp(markdown, defaultMarp()).slideCount, frontMatter).toBe(expected);
      // The build counts with marp-core's Markdown pass alone: the same slides.
      expect(deckFacts(markdown).slideCount, frontMatter).toBe(expected);
    }
  });

  it("is valid Marp Markdown: marp front matter, our theme, headings from the talk", () => {
    const markdown = renderDeckMarkdown(selectionFor("deck:\n  points: [1, 12]"), templates);
    expect(markdown).toMatch(/^---\nmarp: true\ntheme: default\n/);
    // Headings carry phrase breaks, which marp-core's default allowlist keeps as `<wbr />`.
    expect(markdown).toContain("## AGI 的<wbr>发展路径");
    expect(markdown).toContain("## 用户<wbr>体验的未来");
    const { html, css } = defaultMarp().render(markdown);
    expect(html).toContain('lang="zh"');
    expect(css).toContain("#0f172a");
    expect(html).toMatch(/<h2[^>]*>AGI 的<wbr \/>发展路径<\/h2>/);
  });

  it("puts the quote's turn in the presenter notes", () => {
    const selection = selectionFor("deck:\n  points: none\n  quotes: [透过迷雾]");
    const { comments } = defaultMarp().render(renderDeckMarkdown(selection, templates));
    const notes = comments.flat().join("\n");
    expect(notes).toContain("凯文·韦尔");
    expect(notes).toContain("在OpenAI也有这种情况");
  });

  it("keeps hostile text from adding slides, setting directives, styling, running or expanding", () => {
    const base = selectionFor("deck:\n  points: [1]\n  quotes: [科学决定]");
    const quote = base.deckQuotes[0] as Quote;
    const hostile: Selection = {
      ...base,
      meta: { ...base.meta, title: `Title ${HOSTILE}` },
      points: [{ n: 1, lead: `Lead ${HOSTILE}`, body: HOSTILE, line: 1 }],
      deckQuotes: [{ ...quote, text: HOSTILE, speaker: `Speaker ${HOSTILE}` }],
      talk: {
        ...base.talk,
        turns: base.talk.turns.map((turn) => ({
          ...turn,
          paragraphs: [`${HOSTILE} --> theme: gaia`],
        })),
        speakers: base.talk.speakers.map((speaker) => ({
          ...speaker,
          bio: HOSTILE,
          title: HOSTILE,
        })),
      },
    };
    const markdown = renderDeckMarkdown(hostile, templates);
    // The slides the view plans (a long body goes over continuation slides), and no more.
    const view = deckView(hostile);
    const planned =
      1 + view.agendaSlides.length + view.points.length + 1 + view.speakerSlides.length + 1;
    expect(view.points.length).toBeGreaterThanOrEqual(1);
    for (const marp of [defaultMarp(), new Marp({ html: true })]) {
      const { html, css } = marp.render(markdown, { htmlAsArray: true });
      // title, agenda, point(s), quote, speakers, closing
      expect(html).toHaveLength(planned);
      for (const slide of html) {
        expect(slide).toContain('data-theme="default"');
        expect(slide).not.toContain('class="lead"');
        // marp-core adds its own inline helper <script> to the last slide; ours must not appear.
        expect(slide).not.toMatch(/<script>alert|<img|<mark|<style>section|<h1[^>]*>not a heading/);
      }
      expect(css).not.toContain("red !important");
      expect(css).not.toMatch(/@theme gaia/);
      const all = html.join("\n");
      // Shown as typed (an invisible word joiner keeps it from becoming an emoji).
      expect(all.replaceAll("\u2060", "")).toContain(":smile:");
      expect(all).not.toContain("😄");
      expect(all).toContain("{{meta.title}}");
      expect(all).toContain("&lt;script&gt;");
    }
  });
});

describe("escaping", () => {
  it("escapes Markdown syntax and keeps text readable", () => {
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("# h")).toBe("\\# h");
    expect(escapeMarkdown("a *b* _c_ [d](e) `f`")).toBe("a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\`");
    expect(escapeMarkdown("R&D <b>")).toBe("R&amp;D &lt;b&gt;");
    expect(escapeMarkdown("line\n\n---\n\nnext")).toBe("line --- next");
    expect(escapeMarkdown("时间：10点，OpenAI 说")).toBe("时间：10点，OpenAI 说");
  });

  it("keeps presenter notes inside their comment and out of the directives", () => {
    expect(escapeNote("a --> b: c")).not.toMatch(/--|:/);
  });

  it("shortens long URLs for reading but links the whole address", () => {
    expect(displayUrl("https://www.youtube.com/watch?v=eaS0omKFZhQ")).toBe(
      "youtube.com/watch?v=eaS0omKFZhQ",
    );
    expect(displayUrl(`http://mp.weixin.qq.com/s?${"x".repeat(80)}`)).toHaveLength(48);
  });

  it("links only http(s) URLs", () => {
    expect(markdownLink("x", "javascript:alert(1)")).toBe("x");
    expect(markdownLink("see", "https://example.com/a b?(x)")).toBe(
      "[see](<https://example.com/a%20b?(x)>)",
    );
  });
});
