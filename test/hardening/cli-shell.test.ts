import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/paths.js";

/**
 * Issue 10, item 16: `talkdeck quotes FILE | head -1` crashed with an
 * unhandled EPIPE. The real CLI in a real shell pipeline: needs `npm run build`.
 */

const CLI = join(repoRoot, "dist", "cli.js");

/** Enough quotes that the list is far larger than a pipe's buffer: `head` is gone before the end is written. */
function manyQuotes(count: number): string {
  let text = "# A long talk\n\n";
  for (let i = 0; i < count; i += 1) {
    text += `**Alice:** A thought. **Idea number ${i} changes how every team ships its software, ${i}.**\n\n**Bob:** Indeed.\n\n`;
  }
  return text;
}

describe("talkdeck in a shell pipeline", () => {
  let talk: string;
  let dir: string;

  beforeAll(async () => {
    expect(existsSync(CLI), "run `npm run build` first: this test runs dist/cli.js").toBe(true);
    dir = await tempDir();
    talk = join(dir, "many.md");
    await writeFile(talk, manyQuotes(3000));
  });

  for (const command of ["quotes", "inspect"]) {
    it(`\`talkdeck ${command} FILE | head -1\` ends quietly`, async () => {
      const status = join(dir, `${command}.status`);
      const { stdout, stderr } = await promisify(execFile)(
        "bash",
        [
          "-c",
          // $1 node, $2 cli, $3 command, $4 talk, $5 where talkdeck's own exit status goes
          // biome-ignore lint/suspicious/noTemplateCurlyInString: bash, not a template
          '"$1" "$2" "$3" "$4" | head -1; echo "${PIPESTATUS[0]}" > "$5"',
          "bash",
          process.execPath,
          CLI,
          command,
          talk,
          status,
        ],
        { encoding: "utf8" },
      );
      expect(stdout.split("\n")).toHaveLength(2); // one line and its newline
      expect(stderr).toBe("");
      expect((await readFile(status, "utf8")).trim()).toBe("0");
    }, 60_000);
  }

  it("a stdout that cannot be written (`> /dev/full`) is one line and exit 1", async () => {
    const result = await promisify(execFile)(
      "bash",
      ["-c", '"$1" "$2" quotes "$3" > /dev/full', "bash", process.execPath, CLI, talk],
      { encoding: "utf8" },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot write the output");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("text from a file cannot drive the terminal", () => {
  it("escapes control characters in messages and in the quote list", async () => {
    const { run } = await import("../../src/run.js");
    const { captureIo } = await import("../helpers/io.js");
    const dir = await tempDir();
    const file = join(dir, "esc.md");
    await writeFile(
      file,
      '---\ndeck:\n  "\u001b[2J\u001b[31mFAKE": 1\n---\n# T\n\n**A：** **A sentence that sets the clipboard \u001b]52;c;aGk=\u0007 quietly.**\n\n**B：** Why?\n\n**A：** **Another sentence long enough to be a quote here.**\n',
    );
    const io = captureIo();
    expect(await run(["inspect", file], io)).toBe(2);
    expect(io.err()).toContain("\\u001b[2J");
    expect(io.err()).not.toContain("\u001b");
    const bare = join(dir, "bare.md");
    await writeFile(bare, (await readFile(file, "utf8")).replace(/^---[\s\S]*?---\n/, ""));
    const list = captureIo();
    expect(await run(["quotes", bare], list)).toBe(0);
    expect(list.out()).toContain("\\u001b]52");
    expect(list.out()).not.toContain("\u001b");
  });
});
