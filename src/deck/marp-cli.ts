import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cleanupOnSignal } from "../cleanup.js";
import { ErrorCode, TalkdeckError, writeFailed } from "../errors.js";
import type { OutputFile } from "../output/write.js";
import { packageRoot } from "../paths.js";
import { sweepStaleTempFolders } from "../temp-folders.js";
import { INSTALL_HINT, launcherScript } from "./browser.js";
import type { DeckFormat } from "./formats.js";
import { abandon, type ExportRun, exportError, POSIX, runMarpCli } from "./marp-process.js";
import { standaloneHtml } from "./standalone.js";

export type { DeckFormat } from "./formats.js";

const ENGINE = join(packageRoot, "dist", "deck", "marp-engine.js");
/** Every export works in a folder named so; one left by a killed talkdeck is swept a day later. */
const FOLDER_PREFIX = "talkdeck-marp-";
const DEFAULT_TIMEOUT_MS = 120_000;

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

function formatArgs(format: DeckFormat, dir: string): string[] {
  switch (format) {
    case "html":
      return ["--template", "bespoke", "--bespoke.progress", "-o", join(dir, "deck.html")];
    case "pdf":
      return ["--pdf", "--pdf-notes", "--pdf-outlines", "-o", join(dir, "deck.pdf")];
    case "pptx":
      return ["--pptx", "-o", join(dir, "deck.pptx")];
    case "png":
      return ["--images", "png", "-o", join(dir, "slides", "slide.png")];
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

/** `TALKDECK_EXPORT_TIMEOUT_MS`, else two minutes: the longest one marp-cli run may take. */
function exportTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.TALKDECK_EXPORT_TIMEOUT_MS;
  if (configured === undefined || configured === "") return DEFAULT_TIMEOUT_MS;
  const ms = Number(configured);
  if (!Number.isInteger(ms) || ms < 1) {
    throw new TalkdeckError(
      ErrorCode.Usage,
      `TALKDECK_EXPORT_TIMEOUT_MS takes a whole number of milliseconds, not "${configured}"`,
      { location: { key: "TALKDECK_EXPORT_TIMEOUT_MS" } },
    );
  }
  return ms;
}

/** A failed write to the temporary folder (a full or read-only TMPDIR): the environment's fault. */
function tempWriteFailed(error: unknown): TalkdeckError {
  return writeFailed(
    error,
    `the export's temporary folder in ${tmpdir()}`,
    "free some space there, or set TMPDIR to a folder with room (an export needs a few MB)",
  );
}

/** A file system error behind a failure of marp-cli's: its code, or as its message quotes it. */
const WRITE_ERROR = /\b(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EMFILE|ENFILE)\b/;

/** The HTML needs no browser: marp-cli runs in this process, quickly, with its messages kept. */
async function exportHtml(args: readonly string[]): Promise<void> {
  const { marpCli } = await import("@marp-team/marp-cli");
  let outcome: Awaited<ReturnType<typeof quietly<number>>>;
  try {
    outcome = await quietly(() => marpCli([...args]));
  } catch (error) {
    // marp-cli throws when it cannot write deck.html (a full TMPDIR): the environment's fault, said as such.
    const message = String((error as Error)?.message);
    const code = WRITE_ERROR.exec(message)?.[1];
    if (code !== undefined) throw tempWriteFailed(Object.assign(new Error(message), { code }));
    throw new TalkdeckError(ErrorCode.ExportFailed, "marp-cli could not make the HTML export", {
      hint: `${(error as Error)?.message ?? String(error)}; if it persists, report it`,
      cause: error,
    });
  }
  if (outcome.result !== 0) {
    throw new TalkdeckError(ErrorCode.ExportFailed, "marp-cli could not make the HTML export", {
      hint: outcome.log.slice(-3).join(" / ") || "run again; if it persists, report it",
    });
  }
}

/** The deck's theme: `default` plus its style directive, under a fixed name. */
function themeCss(fontCss: string): string {
  return `/* @theme talkdeck-export */\n@import 'default';\n${fontCss}\n`;
}

/** Where an export's inputs go in its private folder. */
interface StagePaths {
  deck: string;
  tmp: string;
  /** The theme alone, for the HTML, whose fonts go in after (see `withFonts`). */
  plainTheme: string;
  /** The theme with the bundled fonts, for the browser exports. */
  fontTheme: string;
  launcher: string;
}

/** deck.md, its themes, its assets and the browser's launcher, into the export's folder. */
async function stageInputs(
  run: ExportRun,
  paths: StagePaths,
  inputs: { markdown: string; fontCss: string; assets: readonly OutputFile[]; browser?: string },
  browserExports: boolean,
): Promise<void> {
  try {
    await mkdir(paths.deck);
    await mkdir(paths.tmp);
    await writeFile(join(paths.deck, "deck.md"), inputs.markdown);
    await writeFile(paths.plainTheme, themeCss(""));
    // With the bundled fonts, every export shows the same type on machines without CJK fonts.
    if (browserExports) await writeFile(paths.fontTheme, themeCss(inputs.fontCss));
    for (const asset of inputs.assets) {
      await mkdir(dirname(join(paths.deck, asset.name)), { recursive: true });
      await writeFile(join(paths.deck, asset.name), asset.data);
    }
    if (inputs.browser !== undefined && POSIX) {
      const script = launcherScript(inputs.browser, run.browserPidFile);
      await writeFile(paths.launcher, script, { mode: 0o755 });
    }
  } catch (error) {
    throw tempWriteFailed(error);
  }
}

/** The export's folder: deck.md and its inputs in `deck`, the browser's TMPDIR in `tmp`. */
function stagePaths(folder: string): StagePaths {
  const deck = join(folder, "deck");
  return {
    deck,
    tmp: join(folder, "tmp"),
    plainTheme: join(deck, "talkdeck-theme.css"),
    fontTheme: join(deck, "talkdeck-fonts.css"),
    launcher: join(folder, "browser.sh"),
  };
}

/** marp-cli's command line for one export, with talkdeck's engine and theme. */
function marpArgs(format: DeckFormat, paths: StagePaths): string[] {
  return [
    join(paths.deck, "deck.md"),
    "--no-config-file",
    "--engine",
    ENGINE,
    // By name from a theme set: a theme given as a file gets a random name, and the HTML would differ each build.
    "--theme-set",
    format === "html" ? paths.plainTheme : paths.fontTheme,
    "--theme",
    "talkdeck-export",
    ...formatArgs(format, paths.deck),
  ];
}

/** One export into the deck folder: the HTML in this process, the rest with the browser. */
async function exportFormat(
  format: DeckFormat,
  run: ExportRun,
  paths: StagePaths,
  browsing: { browser: string | undefined; timeoutMs: number },
): Promise<void> {
  const { browser, timeoutMs } = browsing;
  const args = marpArgs(format, paths);
  if (format === "html") {
    await exportHtml(args);
    return;
  }
  if (browser === undefined) {
    throw new TalkdeckError(
      ErrorCode.BrowserMissing,
      `${format.toUpperCase()} not made: no browser found`,
      {
        hint: INSTALL_HINT,
      },
    );
  }
  const browserArgs = ["--browser-path", POSIX ? paths.launcher : browser, "--allow-local-files"];
  const outcome = await runMarpCli([...args, ...browserArgs], run, {
    tmp: paths.tmp,
    timeoutMs,
  });
  if (outcome.code !== 0 || outcome.timedOut) {
    throw exportError(format, browser, outcome, timeoutMs);
  }
}

/** The files the exports made (those not in `before`), read back; deck.html with its assets and fonts inside. */
async function readMadeFiles(
  deck: string,
  before: ReadonlySet<string>,
  assets: readonly OutputFile[],
  fontCss: string,
): Promise<OutputFile[]> {
  const made = (await listFiles(deck)).filter((file) => !before.has(file)).sort();
  return await Promise.all(
    made.map(async (name) => {
      const data = await readFile(join(deck, name));
      return {
        name: name.split("\\").join("/"),
        data: name === "deck.html" ? standaloneHtml(data, assets, fontCss) : data,
      };
    }),
  );
}

/**
 * Runs marp-cli (with talkdeck's engine) on deck.md and its local assets in a
 * private folder, and returns what it made, in memory: nothing reaches the
 * output folder until the whole build has succeeded. HTML is made in this
 * process; the browser exports run marp-cli in a process of its own, offline,
 * with a time limit, and nothing of theirs outlives the export (the folder,
 * the browser's profile, the processes), even when talkdeck is interrupted.
 */
export async function exportDeck(
  markdown: string,
  assets: readonly OutputFile[],
  formats: readonly DeckFormat[],
  browser: string | undefined,
  fontCss: string,
): Promise<OutputFile[]> {
  const timeoutMs = exportTimeoutMs();
  // Old folders are swept while this export runs: it makes a new one and touches no old one.
  const swept = sweepStaleTempFolders(FOLDER_PREFIX);
  const folder = await mkdtemp(join(tmpdir(), FOLDER_PREFIX)).catch(async (error: unknown) => {
    await swept;
    throw tempWriteFailed(error);
  });
  const run: ExportRun = {
    folder,
    children: new Set(),
    browserPidFile: join(folder, "browser.pid"),
  };
  // Ctrl-C or `kill` during an export: no folder, profile or browser left behind.
  const forget = cleanupOnSignal(() => abandon(run));
  try {
    const paths = stagePaths(folder);
    const browserExports = formats.some((format) => format !== "html");
    await stageInputs(run, paths, { markdown, fontCss, assets, browser }, browserExports);
    const before = new Set(await listFiles(paths.deck));
    for (const format of formats) {
      await exportFormat(format, run, paths, { browser, timeoutMs });
    }
    // Read back before the finally below removes the folder.
    return await readMadeFiles(paths.deck, before, assets, fontCss);
  } finally {
    forget();
    await rm(folder, { recursive: true, force: true });
    await swept;
  }
}
