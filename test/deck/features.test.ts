import { readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTalk } from "../../src/build.js";
import { run } from "../../src/run.js";
import { fixture } from "../helpers/fixtures.js";
import { captureIo } from "../helpers/io.js";
import { samplePath, tempDir } from "../helpers/paths.js";

const sample = fixture(samplePath);

async function talkFile(text: string, name = "talk.md"): Promise<string> {
  const file = join(await tempDir(), name);
  await writeFile(file, text);
  return file;
}

describe("deck content", () => {
  it("has a speakers slide with bios, related quotes in point notes, a QR code of the source", async () => {
    const file = await talkFile(`---\ndeck:\n  points: [1, 7]\n  quotes: none\n---\n${sample}`);
    const result = await buildTalk(file, { output: join(file, "..", "out") });
    // Phrase breaks (`<wbr>`) aside, the text is the talk's.
    const markdown = (await readFile(join(result.outputDir, "deck.md"), "utf8")).replaceAll(
      "<wbr>",
      "",
    );
    expect(markdown).toContain("<!-- _class: speakers -->");
    expect(markdown).toMatch(
      /\*\*萨姆·奥特曼\*\* · OpenAI首席执行官\n\n萨姆·奥特曼（Sam Altman）是OpenAI的首席执行官/,
    );
    // The notes of a point cite the quotes said where the talk covers it.
    expect(markdown).toMatch(
      /## AGI 的发展路径\n\n(?:[^\n]+\n)+\n<!--\n相关引语\n- 萨姆·奥特曼꞉ 简单来说，我们用1级表示聊天机器人/,
    );
    expect(markdown).toMatch(
      /## 初创公司的挑战\n\n(?:[^\n]+\n)+\n<!--\n相关引语\n(- (凯文·韦尔|萨姆·奥特曼)꞉ [^\n]+\n){2}-->/,
    );
    expect(markdown).toContain("![w:200](qr.svg)");
    const qr = await readFile(join(result.outputDir, "qr.svg"), "utf8");
    expect(qr).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("appends a spec file's own Markdown slides as they are", async () => {
    const talk = await talkFile(sample);
    const spec = join(talk, "..", "spec.md");
    await writeFile(
      spec,
      "---\nsource: ./talk.md\ndeck:\n  points: [1]\n  quotes: none\n---\n\n## 我们的看法\n\n*这是用户自己的* **幻灯片**。\n",
    );
    const result = await buildTalk(spec, { output: join(talk, "..", "out") });
    const markdown = await readFile(join(result.outputDir, "deck.md"), "utf8");
    expect(markdown).toContain("## 我们的看法\n\n*这是用户自己的* **幻灯片**。");
    // title, agenda, point, user slide, speakers, closing
    expect(result.slides).toBe(6);
  });

  it("draws emoji from local Twemoji files, copied next to the deck and inlined into deck.html", async () => {
    const file = await talkFile(
      "# Launch 🚀 day\n\n## Key takeaways\n\n1. **Ship it 🎉:** We learned more in a week.\n",
    );
    const result = await buildTalk(file, { output: join(file, "..", "out") });
    expect(await readdir(join(result.outputDir, "emoji", "svg"))).toEqual([
      "1f389.svg",
      "1f680.svg",
    ]);
    const html = await readFile(join(result.outputDir, "deck.html"), "utf8");
    expect(html).not.toMatch(/src="emoji\//);
    expect(html).toContain('data-marp-twemoji=""');
    expect(html).not.toMatch(/cdn\.jsdelivr|twemoji\.maxcdn|https?:\/\/[^"']*\.svg/);
  });
});

describe("remote images", () => {
  let server: Server;
  let base: string;
  const png = new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#e11d48"/></svg>',
  )
    .render()
    .asPng();

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/cover.png") {
        response.writeHead(200, { "content-type": "image/png" });
        response.end(png);
      } else if (request.url === "/huge.png") {
        response.writeHead(200, { "content-type": "image/png" });
        response.end(Buffer.alloc(6 * 1024 * 1024));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
  });

  const coverTalk = (url: string) =>
    talkFile(`# Talk\n\n封面图链接: ${url}\n\n## Key takeaways\n\n1. One point.\n`);

  it("are left out unless asked for, with a note", async () => {
    const file = await coverTalk(`${base}/cover.png`);
    const result = await buildTalk(file, { output: join(file, "..", "out") });
    expect(result.notes.join("\n")).toContain("--allow-remote");
    expect(await readFile(join(result.outputDir, "deck.md"), "utf8")).not.toContain("cover");
  });

  it("are fetched with --allow-remote, and inlined into deck.html", async () => {
    const file = await coverTalk(`${base}/cover.png`);
    const result = await buildTalk(file, { output: join(file, "..", "out"), allowRemote: true });
    expect((await readFile(join(result.outputDir, "cover.png"))).equals(png)).toBe(true);
    expect(await readFile(join(result.outputDir, "deck.md"), "utf8")).toContain("](cover.png)");
    expect(await readFile(join(result.outputDir, "deck.html"), "utf8")).not.toContain("cover.png");
  });

  it("are refused past the size cap, and the build goes on", async () => {
    const file = await coverTalk(`${base}/huge.png`);
    const result = await buildTalk(file, { output: join(file, "..", "out"), allowRemote: true });
    expect(result.notes.join("\n")).toMatch(/cover image was left out: .*larger than 5 MB/);
  });
});

describe("exports without a browser", () => {
  it("still writes deck.md and deck.html, and exits 1 only when PDF was asked for explicitly", async () => {
    const file = await talkFile(`---\ndeck:\n  formats: [pptx]\n---\n${sample}`);
    const out = join(file, "..", "out");
    const soft = captureIo();
    expect(await run(["build", file, "-o", out, "--browser", "/no/such/chromium"], soft)).toBe(0);
    expect(soft.err()).toContain("PPTX skipped: no browser found; install Chromium");

    const hard = captureIo();
    expect(
      await run(["build", file, "-o", out, "--browser", "/no/such/chromium", "--pdf"], hard),
    ).toBe(1);
    const lines = hard
      .err()
      .split("\n")
      .filter((line) => line.includes("PDF"));
    expect(lines).toEqual([
      "talkdeck: error: PDF not made: no browser found; install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome or Chromium",
    ]);
    const written = await readdir(join(out, (await readdir(out))[0] ?? ""));
    expect(written).toEqual(expect.arrayContaining(["deck.md", "deck.html", "manifest.json"]));
    expect(written).not.toContain("deck.pdf");
  });
});
