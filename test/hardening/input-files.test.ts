import { execFile, execFileSync } from "node:child_process";
import { mkdir, readdir, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { ErrorCode } from "../../src/errors.js";
import { run } from "../../src/run.js";
import { readSource } from "../../src/source.js";
import { marpThemeCss } from "../../src/theme/marp-css.js";
import { builtInThemes } from "../../src/theme/tokens.js";
import { errorOf, exists } from "../helpers/hardening.js";
import { captureIo } from "../helpers/io.js";
import { repoRoot, tempDir } from "../helpers/paths.js";

const NO_STACK = /\n\s+at |internal error/;

const TALK_BODY = "# Title\n\n## One\n\nSome text with **a bold claim worth quoting here**.\n";

/** A talk with this front matter (lines from 2), in a folder of its own. */
async function talkWith(frontMatter: string): Promise<{ dir: string; file: string; out: string }> {
  const dir = await tempDir();
  const file = join(dir, "talk.md");
  await writeFile(file, `---\n${frontMatter}\n---\n${TALK_BODY}`);
  return { dir, file, out: join(dir, "out") };
}

async function runCli(args: string[]) {
  const io = captureIo();
  const code = await run(args, io);
  return { code, err: io.err(), out: io.out() };
}

/**
 * The CLI in a child process with a hard time limit, for inputs that hang or
 * eat memory without the fix (a synchronous read of /dev/zero cannot be
 * interrupted by a test timeout). The child loads the TypeScript sources the
 * way vitest does, through vite.
 */
let runnerScript: string;
const HARD_LIMIT_MS = 30_000;

beforeAll(async () => {
  runnerScript = join(await tempDir(), "run-cli.mjs");
  await writeFile(
    runnerScript,
    `const [root, argsJson] = process.argv.slice(2);
const { createServer } = await import(root + "/node_modules/vite/dist/node/index.js");
const server = await createServer({
  root, configFile: false, logLevel: "silent", appType: "custom",
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const { run } = await server.ssrLoadModule("/src/run.ts");
const code = await run(JSON.parse(argsJson), { stdout: process.stdout, stderr: process.stderr });
process.exit(code);
`,
  );
});

function runIsolated(args: string[]): Promise<{ code: number | null; err: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [runnerScript, repoRoot.replace(/\/$/, ""), JSON.stringify(args)],
      { timeout: HARD_LIMIT_MS, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, err: stderr, ms: Date.now() - started });
      },
    );
  });
}

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

describe.concurrent("files named by input are checked before they are read (issue 10, item 4)", () => {
  const timeout = HARD_LIMIT_MS + 10_000;

  it("`inspect /dev/urandom` exits 2 at once", { timeout }, async () => {
    const result = await runIsolated(["inspect", "/dev/urandom"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("/dev/urandom: the talk is a character device");
    expect(result.err).not.toMatch(NO_STACK);
  });

  it("a talk that is a FIFO is refused without waiting for a writer", { timeout }, async () => {
    const fifo = join(await tempDir(), "talk.md");
    mkfifo(fifo);
    const result = await runIsolated(["quotes", fifo]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${fifo}: the talk is a FIFO (named pipe)`);
  });

  it("a talk over 20 MB is refused before it is read", { timeout }, async () => {
    const { file, out } = await talkWith("title: big");
    await truncate(file, 21 * 1024 * 1024);
    const result = await runIsolated(["build", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${file}: the talk is larger than the 20 MB`);
    expect(await exists(out)).toBe(false);
  });

  it("`cards.logo: /dev/zero` exits 2 naming the key and its line", { timeout }, async () => {
    const { file, out } = await talkWith("title: T\ncards:\n  logo: /dev/zero");
    const result = await runIsolated(["build", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `${file}:4: \`cards.logo\`: \`/dev/zero\` is outside the folder of ${file}: a logo stays inside`,
    );
    expect(result.err).not.toMatch(NO_STACK);
    expect(await exists(out)).toBe(false);
  });

  it("a logo outside the talk's folder exits 2: a write-up cannot put the user's other images on a card", {
    timeout,
  }, async () => {
    const { file, out } = await talkWith("cards:\n  logo: ../secret.png");
    const result = await runIsolated(["build", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("`../secret.png` is outside the folder of");
    expect(await exists(out)).toBe(false);
  });

  it("a logo that is a FIFO exits 2", { timeout }, async () => {
    const { dir, file, out } = await talkWith("cards:\n  logo: logo.png");
    mkfifo(join(dir, "logo.png"));
    const result = await runIsolated(["build", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `${file}:3: \`cards.logo\`: the logo ${join(dir, "logo.png")} is a FIFO`,
    );
  });

  for (const command of ["build", "quotes"]) {
    it(`\`theme: /dev/zero\` exits 2 in \`${command}\``, { timeout }, async () => {
      const { file, out } = await talkWith("theme: /dev/zero");
      const args = command === "build" ? [command, file, "-o", out] : [command, file];
      const result = await runIsolated(args);
      expect(result.code).toBe(2);
      expect(result.err).toContain(
        `${file}:2: \`theme\`: the theme tokens file /dev/zero is a character device`,
      );
      expect(result.err).not.toMatch(NO_STACK);
    });
  }

  it("a theme tokens file that is a FIFO exits 2", { timeout }, async () => {
    const { dir, file, out } = await talkWith("theme: ./acme.yaml");
    mkfifo(join(dir, "acme.yaml"));
    const result = await runIsolated(["build", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`the theme tokens file ${join(dir, "acme.yaml")} is a FIFO`);
  });

  it("a spec whose `source:` is /dev/zero exits 2 naming the key", { timeout }, async () => {
    const { file, out } = await talkWith("source: /dev/zero");
    const result = await runIsolated(["build", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("/dev/zero");
    expect(result.err).toContain("is a character device");
  });

  it("a user template that is a FIFO exits 2 naming it", { timeout }, async () => {
    const { dir, file, out } = await talkWith("title: T");
    const templates = join(dir, "templates");
    await mkdir(join(templates, "cards"), { recursive: true });
    mkfifo(join(templates, "cards", "classic.html.hbs"));
    const result = await runIsolated(["build", file, "-o", out, "--templates", templates]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(join(templates, "cards", "classic.html.hbs"));
    expect(result.err).toContain("FIFO");
  });
});

describe("files named by input: in process", () => {
  it("a folder named as the talk", async () => {
    const dir = await tempDir();
    const result = await runCli(["inspect", dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${dir}: the talk is a folder, not an ordinary file`);
  });

  it("a theme tokens file over 10 MB", async () => {
    const { dir, file } = await talkWith("theme: ./acme.yaml");
    await writeFile(join(dir, "acme.yaml"), "");
    await truncate(join(dir, "acme.yaml"), 11 * 1024 * 1024);
    const result = await runCli(["quotes", file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${file}:2: \`theme\`: the theme tokens file`);
    expect(result.err).toContain("larger than the 10 MB");
  });

  it("a user template over 10 MB", async () => {
    const { dir, file, out } = await talkWith("title: T");
    const templates = join(dir, "templates");
    await mkdir(join(templates, "deck"), { recursive: true });
    const big = join(templates, "deck", "deck.md.hbs");
    await writeFile(big, "");
    await truncate(big, 11 * 1024 * 1024);
    const result = await runCli(["build", file, "-o", out, "--templates", templates]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${big}: the template is larger than the 10 MB`);
    expect(await exists(out)).toBe(false);
  });
});

describe("talk files that are not UTF-8 text (issue 10, item 18)", () => {
  const lf = `---\ntitle: Line endings\n---\n${TALK_BODY}\n## Two\n\nMore text **another claim that is bold** here.\n`;

  async function writeTalk(data: Buffer | string): Promise<string> {
    const file = join(await tempDir(), "talk.md");
    await writeFile(file, data);
    return file;
  }

  const refused: Array<[string, Buffer, RegExp]> = [
    [
      "binary (a PNG)",
      Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"),
      /is not a text file \(it has NUL bytes\)/,
    ],
    [
      "UTF-16 LE with a BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, "utf16le")]),
      /is UTF-16 text; talkdeck reads UTF-8/,
    ],
    [
      "UTF-16 BE with a BOM",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf, "utf16le").swap16()]),
      /is UTF-16 text/,
    ],
    ["UTF-16 LE without a BOM", Buffer.from(lf, "utf16le"), /looks like UTF-16 text/],
    [
      "invalid UTF-8 (Latin-1)",
      Buffer.from(`---\ntitle: x\n---\n# Caf\xe9\n`, "latin1"),
      /is not valid UTF-8: byte 0xe9 is not a character/,
    ],
  ];
  for (const [name, data, message] of refused) {
    it(`refuses ${name}, naming the file`, async () => {
      const file = await writeTalk(data);
      for (const args of [
        ["inspect", file],
        ["build", file, "-o", join(file, "..", "out")],
      ]) {
        const result = await runCli(args);
        expect(result.code, args[0]).toBe(2);
        expect(result.err).toContain(`${file}`);
        expect(result.err).toMatch(message);
        expect(result.err).not.toMatch(NO_STACK);
      }
      expect(await exists(join(file, "..", "out"))).toBe(false);
    });
  }

  it("names the line of the first invalid byte", async () => {
    const file = await writeTalk(
      Buffer.from(`---\ntitle: x\n---\n# T\n\nok\nbad \xff\n`, "latin1"),
    );
    const result = await runCli(["inspect", file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${file}:7: the talk is not valid UTF-8: byte 0xff`);
  });

  /** `inspect` output of the same talk written with other line endings, in the same file name. */
  async function inspectAs(text: string): Promise<unknown> {
    const file = await writeTalk(text);
    const result = await runCli(["inspect", file]);
    expect(result.code).toBe(0);
    return JSON.parse(result.out.replaceAll(JSON.stringify(file).slice(1, -1), "talk.md"));
  }

  it("reads CR-only (classic Mac) and CRLF files as the same talk as LF", async () => {
    const expected = await inspectAs(lf);
    expect(expected).toMatchObject({ meta: { title: "Title" }, points: [{ lead: "One" }, {}] });
    expect(await inspectAs(lf.replaceAll("\n", "\r"))).toEqual(expected);
    expect(await inspectAs(lf.replaceAll("\n", "\r\n"))).toEqual(expected);
  });

  it("still drops a UTF-8 BOM", async () => {
    expect(await inspectAs(`\ufeff${lf}`)).toEqual(await inspectAs(lf));
  });
});

describe("`output:` in a file stays in that file's folder (issue 10, item 7)", () => {
  const talk = (frontMatter: string, file = "/talks/devday/talk.md") =>
    readSource(`---\ntitle: T\n${frontMatter}\n---\n# T\n`, file);

  for (const output of ["/etc", "../../..", "..", "../sibling", "sub/../../x", "./a/../../b"]) {
    it(`refuses \`output: ${output}\` naming the key and its line`, () => {
      const error = errorOf(() => resolveConfig(talk(`output: ${output}`), undefined));
      expect(error.code).toBe(ErrorCode.OutputUnsafe);
      expect(error.location).toEqual({ file: "/talks/devday/talk.md", line: 3, key: "output" });
      expect(error.hint).toContain("-o");
    });
  }

  for (const [output, expected] of [
    ["built", "/talks/devday/built/devday"],
    [".", "/talks/devday/devday"],
    ["./a/../b", "/talks/devday/b/devday"],
    ["..hidden", "/talks/devday/..hidden/devday"],
  ] as const) {
    it(`keeps \`output: ${output}\` under the file's folder`, () => {
      expect(resolveConfig(talk(`output: ${output}`), undefined).outputDir).toBe(expected);
    });
  }

  it("lets `-o` on the command line go anywhere, whatever the front matter says", () => {
    expect(resolveConfig(talk("output: /etc"), undefined, { output: "/tmp/x" }).outputDir).toBe(
      "/tmp/x/devday",
    );
    expect(resolveConfig(talk("output: ../.."), undefined, { output: "../y" }).outputDir).toMatch(
      /\/y\/devday$/,
    );
  });

  it("holds a spec file's `output:` to the spec file's folder", () => {
    const spec = readSource("---\nsource: talk.md\noutput: ../../out\n---\n", "/s/specs/spec.md");
    const error = errorOf(() => resolveConfig(talk("", "/talks/devday/talk.md"), spec));
    expect(error.location).toEqual({ file: "/s/specs/spec.md", line: 3, key: "output" });
  });

  it("writes nothing outside when the CLI builds such a talk", async () => {
    const outside = await tempDir();
    const { file } = await talkWith(`output: ${outside}`);
    const result = await runCli(["build", file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${file}:2: \`output\`: `);
    expect(result.err).toContain("hint:");
    expect(await readdir(outside)).toEqual([]);
  });
});

describe("theme font names cannot carry CSS (issue 10, item 19)", () => {
  const COLORS =
    "color:\n  background: '#ffffff'\n  surface: '#f3f4f6'\n  text: '#111827'\n  muted: '#4b5563'\n  accent: '#1d4ed8'\n  onAccent: '#ffffff'\n";

  async function themeWithFont(font: string) {
    const dir = await tempDir();
    const themeFile = join(dir, "acme.yaml");
    await writeFile(themeFile, `scheme: light\n${COLORS}font:\n  deck: ${JSON.stringify(font)}\n`);
    const source = readSource("---\ntheme: ./acme.yaml\n---\n# T\n", join(dir, "talk.md"));
    return { themeFile, resolve: () => resolveConfig(source, undefined) };
  }

  for (const font of [
    'Inter; } section { background: url("http://evil.example/x.png"); } x {',
    '"Inter", url(http://evil.example/font.woff)',
    "Inter</style><script>alert(1)</script>",
    "Inter /* comment */",
    "Inter\\; color: red",
    '"Inter',
    "Inter,,Arial",
    "",
  ]) {
    it(`refuses font.deck ${JSON.stringify(font)}, naming the theme file and key`, async () => {
      const { themeFile, resolve } = await themeWithFont(font);
      const error = errorOf(resolve);
      expect(error.code).toBe(ErrorCode.UnknownTheme);
      expect(error.message).toContain(`${themeFile}: \`font.deck\``);
      expect(error.location).toMatchObject({ line: 2, key: "theme" });
    });
  }

  for (const font of [
    '"Inter", "Noto Sans SC", sans-serif',
    "Source Han Sans SC, -apple-system, BlinkMacSystemFont, system-ui",
    "'Helvetica Neue', Arial",
    "思源黑体, serif",
    "Curlz MT",
    "Font Awesome 6.5",
  ]) {
    it(`accepts font.deck ${JSON.stringify(font)}`, async () => {
      const { resolve } = await themeWithFont(font);
      expect(resolve().theme.font.deck).toBe(font);
    });
  }

  it("quotes font names in the deck's CSS so that no value escapes the declaration", () => {
    const base = builtInThemes.midnight;
    if (base === undefined) throw new Error("no midnight theme");
    const css = (deck: string) =>
      /font-family: ([^\n]*)\n/.exec(marpThemeCss({ ...base, font: { deck } }))?.[1] ?? "";
    expect(css('"Inter", "Noto Sans SC", sans-serif')).toBe('"Inter", "Noto Sans SC", sans-serif;');
    expect(css("Source Han Sans SC, -apple-system, Font Awesome 6.5")).toBe(
      'Source Han Sans SC, -apple-system, "Font Awesome 6.5";',
    );
    const hostile = css('x; } section { background: url("http://e.example/"); } </style> {');
    expect(hostile).toMatch(/^"[^"]*";$/);
    expect(hostile.slice(0, -1)).not.toMatch(/[{}()<>;]/);
  });

  it("keeps a theme name out of the theme.css comment it is written into", async () => {
    const { marpThemeFile } = await import("../../src/theme/marp-css.js");
    const base = builtInThemes.paper;
    if (base === undefined) throw new Error("no paper theme");
    const file = marpThemeFile({ ...base, name: "x */ section { color: red } /*" });
    // Outside its comments, the file has only the theme's own rules.
    expect(file.replace(/\/\*[\s\S]*?\*\//g, "")).not.toContain("color: red");
  });
});

describe("`--templates` names a templates folder (issue 10, items 16/17)", () => {
  async function buildWithTemplates(templates: string) {
    const { file, out } = await talkWith("title: T");
    return { ...(await runCli(["build", file, "-o", out, "--templates", templates])), out };
  }

  it("refuses a folder that does not exist", async () => {
    const missing = join(await tempDir(), "no-such-templates");
    const result = await buildWithTemplates(missing);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`\`--templates\`: no folder ${missing}`);
    expect(result.err).toContain("deck/*.md.hbs");
    expect(result.err).not.toMatch(NO_STACK);
    expect(await exists(result.out)).toBe(false);
  });

  it("refuses a file", async () => {
    const file = join(await tempDir(), "templates.txt");
    await writeFile(file, "x");
    const result = await buildWithTemplates(file);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`\`--templates\`: ${file} is a file, not a folder`);
    expect(result.err).not.toMatch(NO_STACK);
  });

  it("refuses a folder with neither deck/ nor cards/", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "deck.md.hbs"), "x");
    const result = await buildWithTemplates(dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${dir} has no deck/ or cards/ folder`);
    expect(result.err).toContain("cards/*.html.hbs");
  });

  it("refuses a `deck` that is a file, not a folder", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "deck"), "x");
    await mkdir(join(dir, "cards"));
    const result = await buildWithTemplates(dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(join(dir, "deck"));
    expect(result.err).not.toMatch(NO_STACK);
  });
});
