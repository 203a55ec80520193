import { writeSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { run } from "../../src/run.js";
import { captureIo } from "../helpers/io.js";
import { tempDir } from "../helpers/paths.js";

/**
 * Property: whatever talk file a user brings, talkdeck answers 0 (built) or
 * 2 (bad input, said in one message), never 1 (a bug), never a stack trace,
 * and writes nothing outside the talk's own folder. `FUZZ_PARSE_RUNS` and
 * `FUZZ_BUILD_RUNS` raise the counts for a long run (the issue asks for
 * 10,000 once); `npm test` runs a few hundred talks through the parser and a
 * few full builds.
 */
const PARSE_RUNS = Number(process.env.FUZZ_PARSE_RUNS ?? 300);
const BUILD_RUNS = Number(process.env.FUZZ_BUILD_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const word = fc.constantFrom(
  "科学",
  "决定",
  "我们",
  "不是",
  "model",
  "agents",
  "the",
  "future",
  "😀",
  "👩🏽‍💻",
  "🇨🇳",
  "\u200b",
  "\u0007",
  "\u001b[31m",
  "\ufffd",
  "\ue000",
  "\t",
  "&amp;",
  "<script>alert(1)</script>",
  "{{title}}",
  "{{{body}}}",
  "<!-- theme: x -->",
  ":smiling_imp:",
  "$(rm -rf /)",
  "`code`",
  "[link](http://127.0.0.1:9/x)",
  "![img](../../etc/passwd)",
  "![bg](http://example.invalid/a.png)",
  "\\",
  "*",
  "_",
  "**",
  "---",
  "。",
  "，",
  "“",
  "”",
  "！",
);

const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom("", " "))
  .map(([words, separator]) => words.join(separator));

const label = fc.constantFrom(
  "**凯文·韦尔：**",
  "**萨姆·奥特曼：**",
  "**Host:**",
  "Ada:",
  "**Erik & Barry:**",
  "Guest (00:04:30):",
  "现场提问者：",
  "**Audience:**",
);

const line = fc.oneof(
  sentence,
  sentence.map((text) => `**${text}**`),
  fc.tuple(label, sentence).map(([who, text]) => `${who} ${text}`),
  fc.tuple(label, sentence).map(([who, text]) => `${who} **${text}**`),
  sentence.map((text) => `# ${text}`),
  sentence.map((text) => `## ${text}`),
  sentence.map((text) => `1. **${text}**`),
  sentence.map((text) => `- ${text}`),
  sentence.map((text) => `> ${text}`),
  fc.constantFrom(
    "内容提要",
    "## Key takeaways",
    "丨划重点",
    "往期精选",
    "***",
    "```",
    "<div>",
    "",
  ),
  fc.string({ maxLength: 30 }),
);

const body = fc.array(line, { maxLength: 40 }).map((lines) => lines.join("\n\n"));

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "midnight",
    "paper",
    "brand",
    "#0a66c2",
    "all",
    "none",
    "auto",
    "square",
    "9999x9999",
    "000x000",
    "/etc",
    "../../..",
    "/dev/zero",
    "./x.yaml",
    "q-0000",
    "classic",
    "statement",
    "zh",
    "en",
  ),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        "points",
        "quotes",
        "auto",
        "sizes",
        "layout",
        "handle",
        "logo",
        "formats",
        "x",
      ),
      tie("value"),
      { maxKeys: 4 },
    ),
  ),
})).value;

const frontMatter = fc.oneof(
  // Often none at all, so that many talks get as far as drawing cards.
  { arbitrary: fc.constant(""), weight: 3 },
  fc
    .dictionary(
      fc.constantFrom(
        "theme",
        "brand",
        "lang",
        "title",
        "speakers",
        "deck",
        "cards",
        "output",
        "source",
        "description",
        "tags",
        "unknown",
        "__proto__",
        "constructor",
      ),
      value,
      { maxKeys: 6 },
    )
    .map((data) => `---\n${stringify(data)}---\n`),
  fc.string({ maxLength: 40 }).map((raw) => `---\n${raw}\n---\n`),
  fc.constantFrom("---js\n{ title: 'x' }\n---\n", "---coffee\ntitle: 'x'\n---\n"),
);

const talkFile = fc.tuple(frontMatter, body).map(([head, text]) => `${head}${text}\n`);

/** Every file under `dir`, relative to it. */
async function listAll(dir: string, prefix = ""): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    names.push(name);
    if (entry.isDirectory()) names.push(...(await listAll(dir, name)));
  }
  return names;
}

function expectCleanExit(code: number, err: string, text: string): void {
  const context = `exit ${code}\n${err}\n--- input ---\n${text}`;
  expect([0, 2], context).toContain(code);
  expect(err, context).not.toMatch(/^\s+at /m);
  expect(err, context).not.toContain("internal error");
}

describe("fuzzing talk files (issue 10)", () => {
  it(`the parser answers 0 or 2 and never a stack trace (${PARSE_RUNS} talks)`, async () => {
    const dir = await tempDir("talkdeck-fuzz-");
    const file = join(dir, "talk.md");
    await fc.assert(
      fc.asyncProperty(talkFile, async (text) => {
        await writeFile(file, text);
        for (const command of ["inspect", "quotes"]) {
          const io = captureIo();
          const code = await run([command, file], io);
          expectCleanExit(code, io.err(), text);
        }
      }),
      { numRuns: PARSE_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 600_000);

  it(`a build answers 0 or 2 and writes only inside the talk's folder (${BUILD_RUNS} builds)`, async () => {
    const sandbox = await tempDir("talkdeck-fuzz-build-");
    const folder = join(sandbox, "talks");
    // The default output root is the working folder's `out/`: make that the talk's folder too.
    const cwd = process.cwd();
    const codes: number[] = [];
    await mkdir(folder);
    process.chdir(folder);
    await fc
      .assert(
        fc.asyncProperty(talkFile, async (text) => {
          for (const name of await readdir(folder)) {
            await rm(join(folder, name), { recursive: true, force: true });
          }
          const file = join(folder, "talk.md");
          await writeFile(file, text);
          const io = captureIo();
          // No -o: the front matter's `output:` decides, and must stay under the talk's folder.
          const code = await run(["build", file, "--jobs", "1", "-q"], io);
          codes.push(code);
          expectCleanExit(code, io.err(), text);
          expect(await readdir(sandbox), text).toEqual(["talks"]);
          for (const name of await listAll(folder)) {
            expect(relative(folder, join(folder, name)).startsWith(".."), name).toBe(false);
            expect(name.includes(".talkdeck-"), `leftover ${name}`).toBe(false);
          }
        }),
        { numRuns: BUILD_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      )
      .finally(() => process.chdir(cwd));
    // Not only refusals: some of the generated talks build.
    const built = codes.filter((code) => code === 0).length;
    writeSync(2, `fuzz builds: ${built} of ${codes.length} built, the others refused (exit 2)\n`);
    expect(built).toBeGreaterThan(0);
  }, 1_200_000);
});
