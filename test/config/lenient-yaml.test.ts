import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { ErrorCode } from "../../src/errors.js";
import { readSource } from "../../src/source.js";
import { errorOf } from "../helpers/hardening.js";

/** A double-quoted value running on at column 0: js-yaml (gray-matter, Hugo, Jekyll) reads it, `yaml` does not. */
const RUN_ON = 'description: "first line\nsecond line at column 0"';

/** Issue 11, item 2: front matter that js-yaml accepts is accepted. */
describe("front matter only js-yaml reads", () => {
  it("is read as js-yaml reads it", () => {
    const source = readSource(`---\ntitle: x\n${RUN_ON}\n---\n# T\n`, "talk.md");
    expect(source.data).toEqual({
      title: "x",
      description: "first line second line at column 0",
    });
    expect(source.body).toBe("\n\n\n\n\n# T\n");
  });

  it("keeps values as text, as the `yaml` package gives them: a date is no Date", () => {
    const source = readSource(
      `---\n${RUN_ON}\ndate: 2024-05-02\nn: 3\nflag: true\nword: yes\nnone: ~\n---\n`,
      "talk.md",
    );
    expect(source.data).toMatchObject({
      date: "2024-05-02",
      n: 3,
      flag: true,
      word: "yes",
      none: null,
    });
  });

  it("still says the line and key of a wrong talkdeck value, from the text", () => {
    const text = [
      "---",
      RUN_ON,
      "title: T",
      "deck:",
      "  points: all",
      "  quotes:",
      "    - a fragment",
      "    - text: Words they only paraphrase.",
      "      by: ''",
      "cards:",
      "  sizes: [square, huge]",
      "---",
      "# T",
    ].join("\n");
    const source = readSource(text, "talk.md");
    expect(source.locate(["title"])).toEqual({ file: "talk.md", key: "title", line: 4 });
    expect(source.locate(["deck", "quotes", 1, "by"])).toMatchObject({ line: 10 });
    expect(source.locate(["deck", "quotes", 1])).toMatchObject({ line: 9 });
    expect(source.locate(["deck", "quotes", 0])).toMatchObject({ line: 8 });
    // An item of a flow list is on its key's line; a key not written is on none.
    expect(source.locate(["cards", "sizes", 1])).toMatchObject({ line: 12 });
    expect(source.locate(["deck", "formats"])).toEqual({ file: "talk.md", key: "deck.formats" });
    const error = errorOf(() => resolveConfig(source, undefined));
    expect(error.location).toMatchObject({ line: 10, key: "deck.quotes[1].by" });
  });

  it("reads block lists written at their key's indent", () => {
    const source = readSource(`---\n${RUN_ON}\ndeck:\n  quotes:\n  - one\n  - two\n---\n`, "t.md");
    expect(source.data.deck).toEqual({ quotes: ["one", "two"] });
    expect(source.locate(["deck", "quotes", 1])).toMatchObject({ line: 7 });
  });

  it("refuses what neither reads, with the `yaml` package's message and line", () => {
    const error = errorOf(() => readSource('---\ntitle: x\ndescription: "open\n---\n', "t.md"));
    expect(error.code).toBe(ErrorCode.FrontMatterSyntax);
    expect(error.message).toMatch(/^the front matter is not valid YAML: Missing closing "quote/);
    expect(error.location).toEqual({ file: "t.md", line: 3 });
  });

  it("refuses a YAML bomb hidden behind a syntax error: js-yaml has no alias limit", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 12; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const started = performance.now();
    const error = errorOf(() => readSource(`---\n${RUN_ON}\n${levels.join("\n")}\n---\n`, "t.md"));
    expect(error.code).toBe(ErrorCode.FrontMatterSyntax);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses an anchor that holds itself (a cycle js-yaml builds)", () => {
    const error = errorOf(() => readSource(`---\n${RUN_ON}\nloop: &l [*l]\n---\n`, "t.md"));
    expect(error.code).toBe(ErrorCode.FrontMatterSyntax);
  });

  it("does not give a second reading to what `yaml` parsed and refused to build", () => {
    // Too many aliases for the `yaml` package: refused, though js-yaml would build it.
    const many = Array.from({ length: 120 }, (_, index) => `k${index}: *a`).join("\n");
    const error = errorOf(() => readSource(`---\nbase: &a [1]\n${many}\n---\n`, "t.md"));
    expect(error.code).toBe(ErrorCode.FrontMatterSyntax);
  });

  it("constructs no JavaScript from tags, and keeps refusing `---js`", () => {
    const tagged = errorOf(() =>
      readSource(`---\n${RUN_ON}\nf: !!js/function "function () { return 1 }"\n---\n`, "t.md"),
    );
    expect(tagged.code).toBe(ErrorCode.FrontMatterSyntax);
    const js = errorOf(() => readSource(`---js\n${RUN_ON}\n---\n`, "t.md"));
    expect(js.code).toBe(ErrorCode.FrontMatterLanguage);
  });
});
