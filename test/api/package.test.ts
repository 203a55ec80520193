/**
 * The public API as a user gets it: the package as `npm pack` makes it,
 * unpacked into a scratch project's node_modules and imported by name from
 * a plain ESM script run by `node`. dist/ is compiled by the global setup.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { examplePath, repoRoot, tempDir } from "../helpers/paths.js";
import { decodePng, inkShare, PNG_SIGNATURE } from "../helpers/png.js";

const run = promisify(execFile);

/** What the package exports at run time, each named in the README's "Use it from JavaScript". */
const PUBLIC_NAMES = [
  "ErrorCode",
  "TalkdeckError",
  "buildTalk",
  "parseTalk",
  "readTalk",
  "renderCard",
  "run",
];

/** The script a user would write, importing only by the package's name. */
const SCRIPT = `
import { readFile, writeFile } from "node:fs/promises";
import * as talkdeck from "talkdeck";
import { parseTalk, readTalk, renderCard, TalkdeckError } from "talkdeck";

const talk = await readTalk("talk.md");
const fromText = parseTalk(await readFile("talk.md", "utf8"), { file: "talk.md" });
const quote = talk.quotes[0];
const speaker = talk.speakers.find((person) => person.name === quote.speaker);
const png = await renderCard({
  text: quote.text,
  speaker: quote.speaker,
  speakerTitle: speaker?.title,
  event: talk.meta.event,
  size: "square",
  theme: "midnight",
});
await writeFile("card.png", png);
const link = await renderCard({ text: "Ship small things, often.", speaker: "Ada", size: { width: 1200, height: 630 }, theme: "paper" });
let refused;
try {
  await renderCard({ text: "x", speaker: "y", size: { width: 10, height: 10 } });
} catch (error) {
  refused = { talkdeckError: error instanceof TalkdeckError, code: error.code };
}
const header = (buffer) => ({
  signature: buffer.subarray(0, 8).toString("hex"),
  width: buffer.readUInt32BE(16),
  height: buffer.readUInt32BE(20),
  bytes: buffer.length,
});
console.log(JSON.stringify({
  resolved: import.meta.resolve("talkdeck"),
  exports: Object.keys(talkdeck).sort(),
  title: talk.meta.title,
  event: talk.meta.event,
  lang: talk.meta.lang,
  speakers: talk.speakers.map((person) => person.name),
  points: talk.points.length,
  quotes: talk.quotes.length,
  firstQuote: { id: quote.id, speaker: quote.speaker },
  sameFromText: fromText.quotes.map((q) => q.id).join() === talk.quotes.map((q) => q.id).join(),
  card: header(png),
  link: header(link),
  refused,
}));
`;

interface ScriptOutput {
  resolved: string;
  exports: string[];
  title: string;
  event: string | undefined;
  lang: string;
  speakers: string[];
  points: number;
  quotes: number;
  firstQuote: { id: string; speaker: string };
  sameFromText: boolean;
  card: { signature: string; width: number; height: number; bytes: number };
  link: { signature: string; width: number; height: number; bytes: number };
  refused: { talkdeckError: boolean; code: string } | undefined;
}

/** The repository's installed packages, linked into the scratch project: no registry, no network. */
async function linkDependencies(modules: string): Promise<void> {
  const source = join(repoRoot, "node_modules");
  for (const name of await readdir(source)) {
    if (name.startsWith(".") || name === "talkdeck") continue;
    await symlink(join(source, name), join(modules, name), "dir");
  }
}

describe("the packed package, imported by name from a scratch project", () => {
  let scratch: string;
  let output: ScriptOutput;

  beforeAll(async () => {
    const packs = await tempDir("talkdeck-pack-");
    // dist/ is already compiled (test/global-setup.ts): `prepare` would only compile it again.
    const { stdout: packed } = await run(
      "npm",
      ["pack", "--ignore-scripts", "--json", "--pack-destination", packs],
      {
        cwd: repoRoot,
        timeout: 30_000,
        env: { ...process.env, npm_config_update_notifier: "false" },
      },
    );
    const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
    scratch = await tempDir("talkdeck-user-");
    const modules = join(scratch, "node_modules");
    await mkdir(modules);
    await run("tar", ["-xzf", join(packs, filename), "-C", modules], { timeout: 30_000 });
    await rename(join(modules, "package"), join(modules, "talkdeck"));
    await linkDependencies(modules);
    await writeFile(join(scratch, "package.json"), '{ "type": "module" }\n');
    await copyFile(examplePath, join(scratch, "talk.md"));
    await writeFile(join(scratch, "use-talkdeck.mjs"), SCRIPT);
    const env = { ...process.env };
    delete env.NODE_PATH;
    delete env.NODE_OPTIONS;
    const { stdout } = await run(process.execPath, ["use-talkdeck.mjs"], {
      cwd: scratch,
      env,
      timeout: 50_000,
    });
    output = JSON.parse(stdout) as ScriptOutput;
  }, 90_000);

  it("resolves `talkdeck` to the unpacked package, not the repository", () => {
    expect(output.resolved).toMatch(/\/node_modules\/talkdeck\/dist\/index\.js$/);
    expect(output.resolved).toContain(scratch.replace(/\\/g, "/"));
  });

  it("exports exactly the documented names", async () => {
    expect(output.exports).toEqual([...PUBLIC_NAMES].sort());
    const readme = await readFile(join(repoRoot, "README.md"), "utf8");
    const section = /## Use it from JavaScript\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
    for (const name of PUBLIC_NAMES) expect(section).toContain(`\`${name}`);
    // The example imports from the package's name.
    expect(section).toMatch(/from "talkdeck"/);
  });

  it("reads the bundled example with its front matter", () => {
    expect(output.title).toMatch(/^奥特曼和凯文韦尔在OpenAI DevDay炉边谈话/);
    expect(output.event).toBe("OpenAI DevDay 2024");
    expect(output.lang).toBe("zh");
    expect(output.speakers).toEqual(expect.arrayContaining(["萨姆·奥特曼", "凯文·韦尔"]));
    expect(output.points).toBeGreaterThanOrEqual(8);
    expect(output.quotes).toBeGreaterThan(10);
    expect(output.firstQuote.id).toMatch(/^q-[0-9a-f]{4}/);
    expect(output.sameFromText).toBe(true);
  });

  it("renders a quote card to a PNG buffer of the asked size", async () => {
    const signature = PNG_SIGNATURE.toString("hex");
    expect(output.card).toMatchObject({ signature, width: 1080, height: 1080 });
    expect(output.card.bytes).toBeGreaterThan(10_000);
    expect(output.link).toMatchObject({ signature, width: 1200, height: 630 });
    // Text, not an empty card.
    expect(inkShare(decodePng(await readFile(join(scratch, "card.png"))))).toBeGreaterThan(0.02);
  });

  it("throws TalkdeckError, exported, for a size it cannot draw", () => {
    expect(output.refused).toEqual({ talkdeckError: true, code: "USAGE" });
  });
});
