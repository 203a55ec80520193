import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/run.js";
import { captureIo } from "../helpers/io.js";
import { tempDir } from "../helpers/paths.js";

/** Issue 10, items 9 (one broken talk stops a batch) and 10 (two talks, one output folder). */

const GOOD = "# A talk\n\n**Ada:** We **ship small changes every single day of the week.**\n";
/** An unknown theme on line 2 of the front matter: an input error, exit 2. */
const BROKEN = `---\ntheme: nosuchtheme\n---\n${GOOD}`;

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/^ {4}at /m);
  expect(stderr).not.toContain("internal error");
}

async function talks(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe("a batch with a broken talk", () => {
  it("builds every other talk, reports the broken one with its line, and exits 2", async () => {
    const dir = await talks({ "a.md": GOOD, "broken.md": BROKEN, "c.md": GOOD });
    const out = join(dir, "out");
    const io = captureIo();
    const code = await run(
      ["build", join(dir, "a.md"), join(dir, "broken.md"), join(dir, "c.md"), "-o", out, "-q"],
      io,
    );
    expect(code).toBe(2);
    expect((await readdir(out)).sort()).toEqual(["a", "c"]);
    expect(io.err()).toContain(`${join(dir, "broken.md")}:2:`);
    expect(io.err()).toContain("nosuchtheme");
    noStack(io.err());
  });

  it("reports every failure, not only the first", async () => {
    const dir = await talks({ "one.md": BROKEN, "two.md": GOOD, "three.md": BROKEN });
    const io = captureIo();
    const code = await run(
      [
        "build",
        join(dir, "one.md"),
        join(dir, "two.md"),
        join(dir, "three.md"),
        "-o",
        join(dir, "out"),
        "-q",
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toContain(join(dir, "one.md"));
    expect(io.err()).toContain(join(dir, "three.md"));
    expect(existsSync(join(dir, "out", "two", "manifest.json"))).toBe(true);
    expect(io.err().match(/talkdeck: error:/g)).toHaveLength(2);
  });

  it("names the talk when the error itself names no file (a missing talk)", async () => {
    const dir = await talks({ "ok.md": GOOD });
    const io = captureIo();
    const code = await run(
      ["build", join(dir, "missing.md"), join(dir, "ok.md"), "-o", join(dir, "out"), "-q"],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toContain("missing.md");
    expect(existsSync(join(dir, "out", "ok", "manifest.json"))).toBe(true);
    noStack(io.err());
  });
});

describe("two talks with one output folder", () => {
  it("refuses x/t.md and y/t.md before building anything, naming both", async () => {
    const dir = await talks({ "x/t.md": GOOD, "y/t.md": GOOD, "other.md": GOOD });
    const out = join(dir, "out");
    const io = captureIo();
    const code = await run(
      ["build", join(dir, "other.md"), join(dir, "x/t.md"), join(dir, "y/t.md"), "-o", out],
      io,
    );
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(io.err()).toContain(join(dir, "x", "t.md"));
    expect(io.err()).toContain(join(dir, "y", "t.md"));
    expect(io.err()).toContain(join(out, "t"));
    expect(io.err()).toMatch(/-o|rename/);
    noStack(io.err());
  });

  it("refuses two talk.md files in folders of the same name", async () => {
    const dir = await talks({ "a/devday/talk.md": GOOD, "b/devday/talk.md": GOOD });
    const out = join(dir, "out");
    const io = captureIo();
    const code = await run(
      ["build", join(dir, "a/devday/talk.md"), join(dir, "b/devday/talk.md"), "-o", out],
      io,
    );
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(io.err()).toContain(join(dir, "a", "devday", "talk.md"));
    expect(io.err()).toContain(join(dir, "b", "devday", "talk.md"));
  });

  it("builds two t.md whose front matter sends them to different folders", async () => {
    const withOutput = `---\noutput: out\n---\n${GOOD}`;
    const dir = await talks({ "x/t.md": withOutput, "y/t.md": withOutput });
    const io = captureIo();
    expect(await run(["build", join(dir, "x/t.md"), join(dir, "y/t.md"), "-q"], io)).toBe(0);
    expect(existsSync(join(dir, "x", "out", "t", "manifest.json"))).toBe(true);
    expect(existsSync(join(dir, "y", "out", "t", "manifest.json"))).toBe(true);
  });

  it("builds a talk named twice once, without calling it a clash", async () => {
    const dir = await talks({ "t.md": GOOD });
    const io = captureIo();
    const talk = join(dir, "t.md");
    expect(await run(["build", talk, talk, "-o", join(dir, "out")], io)).toBe(0);
    expect(io.err().match(/wrote /g)).toHaveLength(1);
  });
});
