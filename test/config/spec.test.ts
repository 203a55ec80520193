import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { ErrorCode } from "../../src/errors.js";
import { select } from "../../src/select.js";
import { readSource } from "../../src/source.js";
import { parseTalk } from "../../src/talk/parse.js";
import { fixture } from "../helpers/fixtures.js";
import { errorOf } from "../helpers/hardening.js";
import { samplePath } from "../helpers/paths.js";

const sample = fixture(samplePath);

/** The sample with a front matter, selected as a build would. */
function build(frontMatter: string, cli = {}) {
  const source = readSource(`---\n${frontMatter}\n---\n${sample}`, "talk.md");
  const talk = parseTalk(source.body, source.file);
  return { talk, selection: select(talk, resolveConfig(source, undefined, cli)) };
}

describe("front matter", () => {
  it("keeps the file's line numbers for the talk below it", () => {
    const { talk } = build("theme: paper\ndeck:\n  points: all");
    const plain = parseTalk(readSource(sample, "x.md").body, "x.md");
    expect(talk.turns[0]?.line).toBe((plain.turns[0]?.line ?? 0) + 5);
  });

  it("makes a bare talk build: all points, six auto quotes, the deck's quotes on square cards", () => {
    const { selection } = build("");
    expect(selection.points).toHaveLength(12);
    expect(selection.deckQuotes).toHaveLength(6);
    expect(selection.cardQuotes).toEqual(selection.deckQuotes);
    expect(selection.config.cards.sizes).toEqual([{ name: "square", width: 1080, height: 1080 }]);
    expect(selection.config.theme.name).toBe("midnight");
    // Auto quotes are the best ones, shown in the order they were said.
    const lines = selection.deckQuotes.map((quote) => quote.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("selects points by number and quotes by id or unique fragment, in the order given", () => {
    const { talk } = build("");
    const id = talk.quotes.find((quote) => quote.text.startsWith("简单来说"))?.id ?? "";
    const { selection } = build(
      `deck:\n  points: [1, 4, 12]\n  quotes: ["${id}", "科学决定"]\ncards:\n  quotes: ["透过迷雾"]\n  sizes: [landscape, 800x1000]`,
    );
    expect(selection.points.map((point) => point.lead)).toEqual([
      "AGI 的发展路径",
      "智能体的未来",
      "用户体验的未来",
    ]);
    expect(selection.deckQuotes.map((quote) => quote.text.slice(0, 4))).toEqual([
      "简单来说",
      "我们必须",
    ]);
    expect(selection.cardQuotes).toHaveLength(1);
    expect(selection.cardQuotes[0]?.speaker).toBe("凯文·韦尔");
    expect(selection.config.cards.sizes).toEqual([
      { name: "landscape", width: 1200, height: 675 },
      { name: "800x1000", width: 800, height: 1000 },
    ]);
  });

  it("names the key and line of an unknown key and suggests the nearest", () => {
    const error = errorOf(() => build("theme: paper\ndeck:\n  point: [1, 2]"));
    expect(error.code).toBe(ErrorCode.FrontMatterInvalid);
    expect(error.location).toMatchObject({ file: "talk.md", line: 4, key: "deck.point" });
    expect(error.format()).toMatch(/^talk\.md:4: `deck\.point`: unknown key `point`/);
    expect(error.hint).toMatch(/did you mean `points`\?/);
  });

  it("names the line of a quote id that matches nothing and suggests the nearest id", () => {
    const { talk } = build("");
    const real = talk.quotes[0]?.id ?? "";
    const typo = `${real.slice(0, -1)}${real.endsWith("0") ? "1" : "0"}`;
    const error = errorOf(() => build(`deck:\n  quotes:\n    - 科学决定\n    - ${typo}`));
    expect(error.code).toBe(ErrorCode.QuoteNotFound);
    expect(error.location).toMatchObject({ line: 5, key: "deck.quotes[1]" });
    expect(error.hint).toContain(`did you mean \`${real}\``);
  });

  it("rejects a fragment that matches two quotes, listing them", () => {
    const error = errorOf(() => build("deck:\n  quotes: [上下文]"));
    expect(error.code).toBe(ErrorCode.QuoteAmbiguous);
    expect(error.message).toMatch(/matches \d+ quotes/);
    expect(error.location.line).toBe(3);
  });

  it("rejects a point the summary does not have", () => {
    const error = errorOf(() => build("deck:\n  points: [1, 13]"));
    expect(error.code).toBe(ErrorCode.PointNotFound);
    expect(error.location).toMatchObject({ line: 3, key: "deck.points[1]" });
    expect(error.hint).toContain("points 1–12");
  });

  it("explains a wrong value and an unknown theme", () => {
    const sizes = errorOf(() => build("cards:\n  sizes: [huge]"));
    expect(sizes.location).toMatchObject({ line: 3, key: "cards.sizes[0]" });
    const theme = errorOf(() => build("theme: midnite"));
    expect(theme.code).toBe(ErrorCode.UnknownTheme);
    expect(theme.location.line).toBe(2);
    expect(theme.hint).toContain("did you mean `midnight`?");
  });

  it("reports YAML syntax errors with their line", () => {
    const error = errorOf(() => build("theme: paper\ndeck: [unclosed"));
    expect(error.code).toBe(ErrorCode.FrontMatterSyntax);
    expect(error.location.line).toBeGreaterThanOrEqual(3);
  });

  it("lets CLI flags win over the front matter and resolves output against the file", () => {
    const source = readSource(
      `---\ntheme: paper\noutput: built\n---\n${sample}`,
      "/talks/devday/talk.md",
    );
    expect(resolveConfig(source, undefined, {}).outputDir).toBe(
      resolve("/talks/devday/built/devday"),
    );
    const flagged = resolveConfig(source, undefined, { theme: "midnight", output: "elsewhere" });
    expect(flagged.theme.name).toBe("midnight");
    expect(flagged.outputDir).toBe(resolve("elsewhere", "devday"));
  });

  it("merges a spec file under the talk's own front matter", () => {
    const talk = readSource(`---\ntheme: paper\n---\n${sample}`, "/t/talk.md");
    const spec = readSource(
      "---\nsource: ./talk.md\ntheme: midnight\ncards:\n  handle: '@me'\n---\n",
      "/t/spec.md",
    );
    const resolved = resolveConfig(talk, spec);
    expect(resolved.theme.name).toBe("paper");
    expect(resolved.cards.handle).toBe("@me");
    expect(resolved.locate(["cards", "handle"])).toMatchObject({ file: "/t/spec.md", line: 5 });
  });

  it("lists every local file the build depends on, for the up-to-date check", () => {
    const spec = readSource(
      "---\nsource: ./talk.md\ncards:\n  logo: ./art/logo.png\n---\n",
      "/t/spec.md",
    );
    const talk = readSource(`---\ntheme: paper\n---\n${sample}`, "/t/talk.md");
    expect(resolveConfig(talk, spec).inputFiles).toEqual([
      "/t/talk.md",
      "/t/spec.md",
      "/t/art/logo.png",
    ]);
  });
});
