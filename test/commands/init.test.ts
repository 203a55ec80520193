/** Issue 13, item 4: `talkdeck init` writes settings that build as they are, and loses nothing. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, lstat, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildTalk } from "../../src/build.js";
import { runInit, specFileFor } from "../../src/commands/init.js";
import { commentText } from "../../src/commands/init-block.js";
import { ErrorCode, TalkdeckError } from "../../src/errors.js";
import { defaultCorpusDir } from "../../src/eval/corpus.js";
import { readSource } from "../../src/source.js";
import { repoRoot, tempDir } from "../helpers/paths.js";

const cli = join(repoRoot, "dist", "cli.js");
const run = (cwd: string, ...args: string[]) =>
  promisify(execFile)("node", [cli, ...args], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** A write-up of our own with labelled turns and no summary list. */
const WRITE_UP = [
  "# Notes from a Talk on Small Teams",
  "",
  "**Host:** Why keep teams small?",
  "",
  "**Lee Chan:** **A small team can hold the whole problem in its head.** Past eight people, meetings replace thinking.",
  "",
  "**Host:** And hiring?",
  "",
  "**Lee Chan:** **Hire people who finish things, not people who start them.** Starting is cheap; finishing is the job.",
  "",
].join("\n");

async function rejection(action: Promise<unknown>): Promise<TalkdeckError> {
  const error = await action.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TalkdeckError)) throw new Error(`expected a TalkdeckError, got ${error}`);
  return error;
}

describe("talkdeck init", () => {
  it("with no file writes a starter talk.md that builds, and never replaces one without --force", async () => {
    const dir = await tempDir();
    expect((await run(dir, "init")).code).toBe(0);
    const starter = await readFile(join(dir, "talk.md"), "utf8");
    const built = await run(dir, "build", "talk.md", "-o", "out");
    expect(built.stderr).toMatch(/12 slides|\d+ slides, \d+ cards/);
    expect(existsSync(join(dir, "out"))).toBe(true);
    const again = await run(dir, "init");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("exists: init does not replace it");
    expect(await readFile(join(dir, "talk.md"), "utf8")).toBe(starter);
    await writeFile(join(dir, "talk.md"), "# mine\n");
    expect((await run(dir, "init", "--force")).code).toBe(0);
    expect(await readFile(join(dir, "talk.md"), "utf8")).toBe(starter);
  });

  it("adds a front matter to a write-up without one, listing what it read, and the file still builds", async () => {
    const dir = await tempDir();
    const file = join(dir, "small-teams.md");
    await writeFile(file, WRITE_UP);
    await runInit(file, {});
    const text = await readFile(file, "utf8");
    expect(text.endsWith(WRITE_UP)).toBe(true);
    const { data } = readSource(text, file);
    expect(data).toMatchObject({
      theme: "midnight",
      deck: { points: "all" },
      cards: { quotes: "auto" },
    });
    expect(text).toContain("#   title: Notes from a Talk on Small Teams");
    expect(text).toMatch(/# {3}speakers: Lee Chan; host: Host|# {3}speakers: Lee Chan/);
    const quotes = (data.deck as { quotes: string[] }).quotes;
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`- ${quotes[0]}  # Lee Chan:`);
    const result = await buildTalk(file, { output: join(dir, "out") });
    expect(result.cards).toBe(quotes.length);
  });

  it("keeps another tool's front matter, its line endings and comments, adding talkdeck's keys before the fence", async () => {
    const dir = await tempDir();
    const file = join(dir, "post.md");
    const frontMatter = "---\r\nlayout: post # Jekyll\r\nguest: Lee Chan\r\n---\r\n";
    await writeFile(file, `${frontMatter}${WRITE_UP.replace(/\n/g, "\r\n")}`);
    await runInit(file, {});
    const text = await readFile(file, "utf8");
    expect(
      text.startsWith("---\r\nlayout: post # Jekyll\r\nguest: Lee Chan\r\n# talkdeck settings"),
    ).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(readSource(text, file).data).toMatchObject({
      layout: "post",
      guest: "Lee Chan",
      theme: "midnight",
    });
  });

  it("edits a symlinked write-up where it lives, keeping the link", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "real.md"), WRITE_UP);
    await symlink("real.md", join(dir, "talk.md"));
    await runInit(join(dir, "talk.md"), {});
    expect((await lstat(join(dir, "talk.md"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "real.md"), "utf8")).toContain("# talkdeck settings");
  });

  it("refuses a write-up that has talkdeck settings already, naming the key, and leaves it alone", async () => {
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    await writeFile(file, `---\ntitle: T\ncards:\n  sizes: [square]\n---\n${WRITE_UP}`);
    const error = await rejection(runInit(file, { force: true }));
    expect(error.code).toBe(ErrorCode.FileExists);
    expect(error.format()).toMatch(/talk\.md:3: .*already has talkdeck settings \(cards\)/);
    expect(error.hint).toContain("init --spec");
    expect(await readFile(file, "utf8")).toBe(
      `---\ntitle: T\ncards:\n  sizes: [square]\n---\n${WRITE_UP}`,
    );
  });

  it("with --spec writes FILE.talkdeck.md beside the talk, which is left as it is, and builds", async () => {
    const dir = await tempDir();
    const file = join(dir, "small-teams.md");
    await writeFile(file, WRITE_UP);
    await runInit(file, { spec: true });
    const spec = specFileFor(file);
    expect(spec).toBe(join(dir, "small-teams.talkdeck.md"));
    expect(await readFile(file, "utf8")).toBe(WRITE_UP);
    expect(readSource(await readFile(spec, "utf8"), spec).data.source).toBe("./small-teams.md");
    const result = await buildTalk(spec, { output: join(dir, "out") });
    // The spec's body is the user's slides: init leaves it empty, so no blank slide is added.
    const alone = await buildTalk(file, { output: join(dir, "plain") });
    expect(result.slides).toBe(alone.slides);
    expect((await rejection(runInit(file, { spec: true }))).code).toBe(ErrorCode.FileExists);
    await writeFile(spec, "---\nsource: ./small-teams.md\n---\n");
    await runInit(file, { spec: true, force: true });
    expect(await readFile(spec, "utf8")).toContain("# talkdeck settings");
    expect((await rejection(runInit(spec, {}))).message).toBe("this is a spec file already");
  });

  it("writes the write-up's text into comments on one line each, so it can never become YAML", () => {
    expect(commentText("line one\nevil: true\r\n\u2028x", 80)).toBe("line one evil: true x");
    expect(commentText("**bold** words")).toBe("bold words");
    expect([...commentText("字".repeat(50))].length).toBe(36);
  });

  const corpus = defaultCorpusDir();
  it.skipIf(!existsSync(join(corpus, "corpus.json")))(
    "gives three corpus write-ups of different layouts a front matter that builds as it is",
    async () => {
      const dir = await tempDir();
      for (const name of [
        "01-zh-ai-pm-weil-krieger.md",
        "11-en-lenny-annie-duke.md",
        "19-en-dhh-railsconf-notes.md",
      ]) {
        const file = join(dir, name);
        await copyFile(join(corpus, "cases", name), file);
        await runInit(file, {});
        const result = await buildTalk(file, { output: join(dir, "out") });
        expect(result.slides, name).toBeGreaterThan(5);
        expect(result.cards, name).toBe(6);
      }
    },
  );
});
