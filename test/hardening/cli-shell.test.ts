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
});
