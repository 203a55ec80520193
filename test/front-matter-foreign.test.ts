import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/output/manifest.js";
import { run } from "../src/run.js";
import { fixture } from "./helpers/fixtures.js";
import { captureIo } from "./helpers/io.js";
import { repoRoot, samplePath, tempDir } from "./helpers/paths.js";

const sampleText = fixture(samplePath);

/** Issue 11, items 2 and 5, through the CLI. */
describe("talkdeck on front matter written for other tools", () => {
  it("builds a talk carrying a blog's keys, says once which it ignored, and marks a paraphrase in the manifest", async () => {
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    const paraphrase = "好的产品来自模型能力的边界。";
    await writeFile(
      file,
      [
        "---",
        "layout: post",
        'seo_title: "A fireside chat"',
        "tags: [ai]",
        'description: "A chat about agents',
        'and products"',
        "deck:",
        "  points: [1]",
        "  quotes:",
        "    - 科学决定",
        `    - { text: "${paraphrase}", by: 凯文·韦尔 }`,
        "cards:",
        "  sizes: [square]",
        "---",
        sampleText,
      ].join("\n"),
    );
    const io = captureIo();
    expect(await run(["build", file, "-o", join(dir, "out")], io), io.err()).toBe(0);
    expect(io.err()).toContain(
      "talkdeck: note: front matter: ignored keys that talkdeck does not use: layout, seo_title, tags\n",
    );
    const [folder = ""] = await readdir(join(dir, "out"));
    const manifest = JSON.parse(
      await readFile(join(dir, "out", folder, "manifest.json"), "utf8"),
    ) as Manifest;
    expect(
      manifest.cards.map(({ speaker, text, paraphrased }) => ({ speaker, text, paraphrased })),
    ).toEqual([
      {
        speaker: expect.any(String),
        text: expect.stringContaining("科学决定"),
        paraphrased: undefined,
      },
      { speaker: "凯文·韦尔", text: paraphrase, paraphrased: true },
    ]);
  });

  it("`talkdeck quotes SPEC` lists the quotes of the talk its `source:` names, as `build` reads it", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "talk.md"), sampleText);
    await writeFile(join(dir, "spec.md"), "---\nsource: ./talk.md\ntheme: paper\n---\n");
    const direct = captureIo();
    expect(await run(["quotes", join(dir, "talk.md")], direct)).toBe(0);
    const viaSpec = captureIo();
    expect(await run(["quotes", join(dir, "spec.md")], viaSpec), viaSpec.err()).toBe(0);
    expect(viaSpec.out().trim().split("\n").length).toBeGreaterThanOrEqual(5);
    expect(viaSpec.out()).toBe(direct.out());
    const json = captureIo();
    expect(await run(["quotes", join(dir, "spec.md"), "--json"], json)).toBe(0);
    expect((JSON.parse(json.out()) as unknown[]).length).toBeGreaterThanOrEqual(5);
  });

  it("reads a talk whose `source:` names a publication, not a talk file", async () => {
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    await writeFile(file, `---\nsource: The Example Times\n---\n${sampleText}`);
    const io = captureIo();
    expect(await run(["quotes", file], io), io.err()).toBe(0);
    expect(io.out().trim().split("\n").length).toBeGreaterThanOrEqual(5);
    // A path that names a Markdown file is still a spec's talk, and a missing one is said.
    await writeFile(file, "---\nsource: ./missing.md\n---\n");
    const missing = captureIo();
    expect(await run(["quotes", file], missing)).toBe(2);
    expect(missing.err()).toContain("missing.md");
  });

  it("`talkdeck quotes` still stops at a misspelt talkdeck key, naming its line", async () => {
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    await writeFile(file, `---\nlayout: post\nthem: paper\n---\n${sampleText}`);
    const io = captureIo();
    expect(await run(["quotes", file], io)).toBe(2);
    expect(io.err()).toContain(`${file}:3: \`them\`: unknown key \`them\``);
    expect(io.err()).toContain("did you mean `theme`?");
  });
});

/** The three real files talkdeck refused (third-party texts: read in place, never copied here). */
const cases = join(repoRoot, "..", "shared", "corpus", "cases");
const refused = [
  "11-en-lenny-annie-duke.md",
  "15-en-krugman-posen.md",
  "18-en-initial-commit-stenberg.md",
];
const present = refused.every((name) => existsSync(join(cases, name)));

describe.skipIf(!present)(
  `real write-ups once refused (read from ${cases}; skipped when the corpus is absent)`,
  () => {
    // Not refused; how many candidates the parser finds is for its own tests (issue 11, item 3).
    it.each(refused)("%s is read, not refused", async (name) => {
      const io = captureIo();
      expect(await run(["quotes", join(cases, name), "--json"], io), io.err()).toBe(0);
      expect(Array.isArray(JSON.parse(io.out()))).toBe(true);
    });
  },
);
if (!present) console.warn(`skipped the corpus refusal cases: ${cases} is absent`);
