import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import { run } from "../../src/run.js";
import { readSource } from "../../src/source.js";
import { errorOf, exists } from "../helpers/hardening.js";
import { captureIo } from "../helpers/io.js";
import { tempDir } from "../helpers/paths.js";

/** Front matter in a language that runs code: it would create `marker` when evaluated. */
function hostileTalk(language: string, marker: string): string {
  const write = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  const body =
    language === "coffee"
      ? `title: (${write}; 'x')`
      : language === "json"
        ? '{ "title": "x" }'
        : `{ title: (${write}, 'x') }`;
  return `---${language}\n${body}\n---\n# T\n\n## A\n\nhello\n`;
}

describe("front matter is only ever read as YAML, never run (issue 10, item 1)", () => {
  for (const command of ["inspect", "quotes", "build"] as const) {
    it(`\`${command}\` refuses \`---js\` front matter without running it`, async () => {
      const dir = await tempDir();
      const marker = join(dir, "PWNED");
      const file = join(dir, "talk.md");
      await writeFile(file, hostileTalk("js", marker));
      const io = captureIo();
      const args = command === "build" ? [command, file, "-o", join(dir, "out")] : [command, file];
      expect(await run(args, io)).toBe(2);
      expect(await exists(marker)).toBe(false);
      expect(io.err()).toContain(`${file}:1: `);
      expect(io.err()).toContain("only YAML front matter");
      expect(io.err()).not.toMatch(/\n\s+at |internal error/);
      expect(io.out()).toBe("");
      expect(await exists(join(dir, "out"))).toBe(false);
    });
  }

  for (const language of [
    "javascript",
    "JS",
    " js ",
    "coffee",
    "coffeescript",
    "cson",
    "json",
    "toml",
    "constructor",
    "__proto__",
    "toString",
  ]) {
    it(`refuses \`---${language}\` naming line 1`, async () => {
      const marker = join(await tempDir(), "PWNED");
      const error = errorOf(() => readSource(hostileTalk(language, marker), "talk.md"));
      expect(error.code).toBe(ErrorCode.FrontMatterLanguage);
      expect(error.location).toEqual({ file: "talk.md", line: 1 });
      expect(error.message).toContain("only YAML front matter");
      expect(await exists(marker)).toBe(false);
    });
  }

  for (const opening of ["---", "---yaml", "---yml", "--- ", "---YAML\t"]) {
    it(`reads \`${opening}\` as YAML, with the lines of the file`, () => {
      const source = readSource(`${opening}\ntitle: x\ntheme: paper\n---\n# T\n`, "talk.md");
      expect(source.data).toEqual({ title: "x", theme: "paper" });
      expect(source.locate(["theme"])).toEqual({ file: "talk.md", line: 3, key: "theme" });
      expect(source.body).toBe("\n\n\n\n# T\n");
    });
  }

  it("refuses an alias to a missing anchor (`*a`) in one message, found by fuzzing", async () => {
    const dir = await tempDir();
    const file = join(dir, "alias.md");
    await writeFile(file, "---\n*!\n---\n\n# T\n");
    const io = captureIo();
    expect(await run(["inspect", file], io)).toBe(2);
    expect(io.err()).toContain(`${file}: the front matter is not valid YAML`);
    expect(io.err()).not.toContain("internal error");
  });

  it("gives every read its own data, never a cached object shared with an earlier read", () => {
    const text = "---\ntitle: x\ndeck:\n  points: all\n---\n# T\n";
    const first = readSource(text, "a.md");
    (first.data.deck as Record<string, unknown>).points = "none";
    first.data.title = "changed";
    const second = readSource(text, "a.md");
    expect(second.data).toEqual({ title: "x", deck: { points: "all" } });
  });

  it("keeps the body of a file without front matter, and of one with a `----` rule", () => {
    expect(readSource("# T\n\ntext\n", "a.md").body).toBe("# T\n\ntext\n");
    expect(readSource("----\n# T\n", "a.md")).toMatchObject({ data: {}, body: "----\n# T\n" });
  });

  it("accepts CRLF line endings around the front matter", () => {
    const source = readSource("---\r\ntitle: x\r\n---\r\n# T\r\n", "a.md");
    expect(source.data).toEqual({ title: "x" });
    expect(source.body).toBe("\n\n\n# T\r\n");
  });
});
