import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../src/output/manifest.js";
import { run } from "../src/run.js";
import { fixture } from "./helpers/fixtures.js";
import { captureIo } from "./helpers/io.js";
import { examplePath, fixturePath, repoRoot, samplePath, tempDir } from "./helpers/paths.js";
import { decodePng, inkShare, PNG_SIGNATURE } from "./helpers/png.js";

const exampleText = fixture(examplePath);
const sampleText = fixture(samplePath);

describe("talkdeck build on the example", () => {
  let out: string;
  let io: ReturnType<typeof captureIo>;
  let code: number;

  beforeAll(async () => {
    out = await tempDir();
    io = captureIo();
    code = await run(["build", examplePath, "-o", out], io);
  });

  it("exits 0 and reports what it wrote on stderr, keeping stdout clean", () => {
    expect(io.err()).toContain("devday-2024");
    expect(code).toBe(0);
    expect(io.out()).toBe("");
  });

  it("writes the deck with the slides the front matter selects", async () => {
    const dir = join(out, "devday-2024");
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.generator).toBe("talkdeck");
    // title + agenda + 8 points + 5 quotes + closing
    // title + agenda + 8 points + 5 quotes + speakers + closing
    expect(manifest.deck.slides).toBe(1 + 1 + 8 + 5 + 1 + 1);
    const markdown = await readFile(join(dir, "deck.md"), "utf8");
    expect(markdown).toMatch(/^---\nmarp: true\n/);
    // Headings carry phrase breaks (`<wbr>`) for the browser; the words are the point's lead.
    expect(markdown.replaceAll("<wbr>", "")).toContain("## 用户体验的未来");
    expect(markdown).not.toContain("## 与政府合作");
    const html = await readFile(join(dir, "deck.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh">/i);
    expect(html.match(/<svg data-marpit-svg/g)).toHaveLength(17);
    // The fonts travel inside the page, so a laptop without CJK fonts shows no tofu.
    expect(html).toMatch(
      /@font-face \{ font-family: "Noto Sans SC"; font-weight: 700;[^}]*url\(data:font\/woff2;base64,[^}]*unicode-range: U\+/,
    );
    // Only the pieces of the CJK font that the deck's text needs: well under the whole font's 2 × 1.1 MB.
    expect(Buffer.byteLength(html)).toBeLessThan(2.5 * 1024 * 1024);
    // Offline: nothing in the page points at the network except the SVG namespace and the source links.
    const remote = (
      html.match(/(?:src|href)="https?:[^"]+"|url\(["']?https?:[^)]+\)/g) ?? []
    ).filter((reference) => !reference.startsWith('href="'));
    expect(remote).toEqual([]);
  });

  it("writes a PNG card per quote and size, with alt text, showing text", async () => {
    const dir = join(out, "devday-2024");
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.cards).toHaveLength(5 * 2);
    expect(new Set(manifest.cards.map((card) => card.preset))).toEqual(
      new Set(["square", "landscape"]),
    );
    for (const card of manifest.cards) {
      const png = await readFile(join(dir, card.file));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const image = decodePng(png);
      expect([image.width, image.height]).toEqual(
        card.preset === "square" ? [1080, 1080] : [1200, 675],
      );
      expect(inkShare(image)).toBeGreaterThan(0.03);
      expect(card.file).toBe(`cards/${card.quoteId}-${card.preset}.png`);
      expect(card.alt).toMatch(new RegExp(`^Quote by ${card.speaker}: .{8,}`));
    }
    const gallery = await readFile(join(dir, "index.html"), "utf8");
    expect(gallery).toContain('href="deck.html"');
    // The example's cards, then its portrait carousel (cover, 8 points, 5 quotes, closing).
    expect(gallery.match(/<img src="cards\//g)).toHaveLength(10);
    expect(gallery.match(/<img src="carousel\//g)).toHaveLength(15);
    // The page's own Chinese (title, alt text) shows without system CJK fonts.
    expect(gallery).toMatch(/@font-face \{ font-family: "Noto Sans SC";[^}]*unicode-range/);
  });

  it("says a second build with nothing changed is up to date, and builds it with --force", async () => {
    const again = captureIo();
    expect(await run(["build", examplePath, "-o", out], again)).toBe(0);
    expect(again.err()).toContain(
      "is up to date (17 slides, 10 cards, a carousel of 15); --force builds it anyway",
    );
    const forced = captureIo();
    expect(await run(["build", examplePath, "-o", out, "--force"], forced)).toBe(0);
    expect(forced.err()).toContain("talkdeck: wrote");
    expect(forced.err()).toContain("10 unchanged");
  });

  it("leaves the talk file untouched", async () => {
    expect(await readFile(examplePath, "utf8")).toBe(exampleText);
  });

  it("rebuilds into its own folder and removes cards it no longer makes", async () => {
    // A copy of the example in a folder of the same name writes to the same output folder.
    const copyDir = join(await tempDir(), "devday-2024");
    await mkdir(copyDir);
    const copy = join(copyDir, "talk.md");
    await writeFile(copy, exampleText.replace("sizes: [square, landscape]", "sizes: [square]"));
    expect(await run(["build", copy, "-o", out], captureIo())).toBe(0);
    const cards = await readdir(join(out, "devday-2024", "cards"));
    expect(cards.every((name) => name.endsWith("-square.png"))).toBe(true);
    expect(cards).toHaveLength(5);
  });
});

describe("talkdeck errors", () => {
  it("exits 2 naming a missing file", async () => {
    const io = captureIo();
    expect(await run(["build", "no/such/talk.md"], io)).toBe(2);
    expect(io.err()).toContain("no/such/talk.md");
    expect(io.err()).toContain("no such file");
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it("exits 2 with the key and line of an unknown front-matter key", async () => {
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    await writeFile(
      file,
      `---\ntheme: paper\ndeck:\n  points: [1]\n  quotse: auto\n---\n${sampleText}`,
    );
    const io = captureIo();
    expect(await run(["build", file, "-o", join(dir, "out")], io)).toBe(2);
    expect(io.err()).toContain(`${file}:5: \`deck.quotse\`: unknown key \`quotse\``);
    expect(io.err()).toContain("did you mean `quotes`?");
    // Nothing half-written.
    await expect(stat(join(dir, "out"))).rejects.toThrow();
  });

  it("exits 2 with the line of a quote id that matches nothing, suggesting the nearest", async () => {
    const listing = captureIo();
    expect(await run(["quotes", samplePath, "--json"], listing)).toBe(0);
    const quotes = JSON.parse(listing.out()) as Array<{
      id: string;
      text: string;
      speaker: string;
    }>;
    expect(quotes.length).toBeGreaterThanOrEqual(15);
    const real = quotes[0]?.id ?? "";
    const typo = `${real}9`;
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    await writeFile(file, `---\ndeck:\n  quotes: [${typo}]\n---\n${sampleText}`);
    const io = captureIo();
    expect(await run(["build", file, "-o", join(dir, "out")], io)).toBe(2);
    expect(io.err()).toContain(`${file}:3: \`deck.quotes[0]\`: no quote has the id \`${typo}\``);
    expect(io.err()).toContain(`did you mean \`${real}\``);
  });

  it("refuses to write into a folder of someone else's files", async () => {
    const out = await tempDir();
    const target = join(out, "devday-2024");
    await mkdir(target);
    await writeFile(join(target, "notes.txt"), "mine");
    const io = captureIo();
    expect(await run(["build", examplePath, "-o", out], io)).toBe(2);
    expect(io.err()).toContain("has files talkdeck did not make");
    expect(await readFile(join(target, "notes.txt"), "utf8")).toBe("mine");
  });

  it("exits 2 on a usage error and 0 on --help", async () => {
    const bad = captureIo();
    expect(await run(["build", "--no-such-flag"], bad)).toBe(2);
    expect(bad.err()).toContain("unknown option");
    const help = captureIo();
    expect(await run(["--help"], help)).toBe(0);
    expect(help.out()).toContain("build");
  });
});

describe("talkdeck quotes", () => {
  it("lists ranked candidates with id, speaker and text", async () => {
    const io = captureIo();
    expect(await run(["quotes", samplePath], io)).toBe(0);
    const lines = io.out().trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(15);
    for (const line of lines)
      expect(line).toMatch(
        /^q-[0-9a-f]{4}(-[0-9a-f]{4,})?\t-?\d+\.\d\t(凯文·韦尔|萨姆·奥特曼)\tline \d+\t.+$/,
      );
  });
});

describe("the compiled bin", () => {
  it("runs from dist with node and no TypeScript runner", async () => {
    const { stdout } = await promisify(execFile)("node", [
      join(repoRoot, "dist", "cli.js"),
      "--version",
    ]);
    const { version } = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as {
      version: string;
    };
    expect(stdout.trim()).toBe(version);
  });
});

describe("talkdeck build: card layout and logo", () => {
  async function talkWith(frontMatter: string): Promise<{ file: string; out: string }> {
    const dir = await tempDir();
    const file = join(dir, "talk.md");
    await writeFile(file, `---\n${frontMatter}\n---\n${sampleText}`);
    return { file, out: join(dir, "out") };
  }

  it("draws the statement layout with a local logo", async () => {
    const { Resvg } = await import("@resvg/resvg-js");
    const { file, out } = await talkWith(
      "deck:\n  quotes: [科学决定]\ncards:\n  layout: statement\n  logo: logo.png\n  handle: '@talkdeck'",
    );
    const logoSvg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" rx="20" fill="#0f172a"/></svg>';
    await writeFile(join(file, "..", "logo.png"), new Resvg(logoSvg).render().asPng());
    const io = captureIo();
    expect(await run(["build", file, "-o", out], io), io.err()).toBe(0);
    // `talk.md` is named after its folder.
    const [folder = ""] = await readdir(out);
    const dir = join(out, folder);
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.cards).toHaveLength(1);
    const image = decodePng(await readFile(join(dir, manifest.cards[0]?.file ?? "")));
    expect(inkShare(image)).toBeGreaterThan(0.03);
  });

  it("names the line of an unknown layout and of a missing logo", async () => {
    const layout = await talkWith("cards:\n  layout: poster");
    const io = captureIo();
    expect(await run(["build", layout.file, "-o", layout.out], io)).toBe(2);
    expect(io.err()).toContain(
      `${layout.file}:3: \`cards.layout\`: unknown card layout \`poster\``,
    );
    expect(io.err()).toContain("classic, statement");

    const logo = await talkWith("cards:\n  logo: missing.png");
    const io2 = captureIo();
    expect(await run(["build", logo.file, "-o", logo.out], io2)).toBe(2);
    expect(io2.err()).toContain(`${logo.file}:3: \`cards.logo\`: cannot read the logo`);
    await expect(stat(logo.out)).rejects.toThrow();
  });
});

describe("talks of other layouts", () => {
  it("builds a file it does not recognise, saying what is missing", async () => {
    const file = fixturePath("unrecognized.md");
    const out = await tempDir();
    const io = captureIo();
    expect(await run(["build", file, "-o", out], io)).toBe(0);
    expect(io.err()).toContain("talkdeck: note: no speaker labels found and none named");
    expect(io.err()).toContain("talkdeck: note: no summary list and no section headings found");
    const manifest = JSON.parse(
      await readFile(join(out, "unrecognized", "manifest.json"), "utf8"),
    ) as Manifest;
    expect(manifest.deck.slides).toBe(2);
    expect(manifest.cards).toEqual([]);
  });

  it("prints the whole parsed talk with inspect --json", async () => {
    const io = captureIo();
    expect(await run(["inspect", fixturePath("label-timestamp.en.md"), "--json"], io)).toBe(0);
    const talk = JSON.parse(io.out()) as {
      speakers: Array<{ name: string }>;
      turns: unknown[];
      quotes: unknown[];
    };
    expect(talk.speakers.map((speaker) => speaker.name)).toEqual(["Lex Fridman", "Jane Doe"]);
    expect(talk.turns).toHaveLength(4);
  });
});
