import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { OutputFile } from "../output/write.js";
import { packageRoot } from "../paths.js";

export type DeckFormat = "html" | "pdf" | "pptx" | "png";

const ENGINE = join(packageRoot, "dist", "deck", "marp-engine.js");

/** marp-cli writes progress to the console: keep it for the error message, not the user's terminal. */
async function quietly<T>(run: () => Promise<T>): Promise<{ result: T; log: string[] }> {
  const log: string[] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const capture = (...args: unknown[]) => {
    log.push(args.map(String).join(" "));
  };
  Object.assign(console, { log: capture, info: capture, warn: capture, error: capture });
  try {
    return { result: await run(), log };
  } finally {
    Object.assign(console, saved);
  }
}

function formatArgs(format: DeckFormat, dir: string, browser: string | undefined): string[] {
  const browserArgs =
    browser === undefined ? [] : ["--browser-path", browser, "--allow-local-files"];
  switch (format) {
    case "html":
      return ["--template", "bespoke", "--bespoke.progress", "-o", join(dir, "deck.html")];
    case "pdf":
      return [
        "--pdf",
        "--pdf-notes",
        "--pdf-outlines",
        ...browserArgs,
        "-o",
        join(dir, "deck.pdf"),
      ];
    case "pptx":
      return ["--pptx", ...browserArgs, "-o", join(dir, "deck.pptx")];
    case "png":
      return ["--images", "png", ...browserArgs, "-o", join(dir, "slides", "slide.png")];
  }
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? listFiles(dir, join(prefix, entry.name))
        : Promise.resolve([join(prefix, entry.name)]),
    ),
  );
  return nested.flat();
}

/**
 * Runs marp-cli (with talkdeck's engine) on deck.md and its local assets in a
 * private staging folder, and returns what it made, in memory: nothing reaches
 * the output folder until the whole build has succeeded.
 */
export async function exportDeck(
  markdown: string,
  assets: readonly OutputFile[],
  formats: readonly DeckFormat[],
  browser: string | undefined,
  fontCss: string,
): Promise<OutputFile[]> {
  const { marpCli } = await import("@marp-team/marp-cli");
  const staging = await mkdtemp(join(tmpdir(), "talkdeck-marp-"));
  try {
    await writeFile(join(staging, "deck.md"), markdown);
    // The deck's own theme (`default` plus its style directive) with the bundled fonts
    // added, so every export shows the same type on machines without CJK fonts.
    const themeFile = join(staging, "talkdeck-fonts.css");
    await writeFile(themeFile, `/* @theme talkdeck-export */\n@import 'default';\n${fontCss}\n`);
    for (const asset of assets) {
      await mkdir(dirname(join(staging, asset.name)), { recursive: true });
      await writeFile(join(staging, asset.name), asset.data);
    }
    const before = new Set(await listFiles(staging));
    before.add("talkdeck-fonts.css");
    for (const format of formats) {
      const args = [
        join(staging, "deck.md"),
        "--no-config-file",
        "--engine",
        ENGINE,
        // By name from a theme set: a theme given as a file gets a random name, and the HTML would differ each build.
        "--theme-set",
        themeFile,
        "--theme",
        "talkdeck-export",
        ...formatArgs(format, staging, browser),
      ];
      const outcome = await quietly(() => marpCli(args));
      if (outcome.result !== 0) {
        throw new TalkdeckError(
          ErrorCode.ExportFailed,
          `marp-cli could not make the ${format.toUpperCase()} export`,
          {
            hint: outcome.log.slice(-3).join(" / ") || "run again with a browser installed",
          },
        );
      }
    }
    const made = (await listFiles(staging)).filter((file) => !before.has(file)).sort();
    return Promise.all(
      made.map(async (name) => ({
        name: name.split("\\").join("/"),
        data: await readFile(join(staging, name)),
      })),
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
