import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cleanupOnSignal } from "../cleanup.js";
import { ErrorCode, TalkdeckError, writeFailed } from "../errors.js";
import type { OutputFile } from "../output/write.js";
import { packageRoot } from "../paths.js";
import { sweepStaleTempFolders } from "../temp-folders.js";
import { INSTALL_HINT, launcherScript } from "./browser.js";
import { standaloneHtml } from "./standalone.js";

export type DeckFormat = "html" | "pdf" | "pptx" | "png";

const ENGINE = join(packageRoot, "dist", "deck", "marp-engine.js");
const MARP_CLI = createRequire(import.meta.url).resolve("@marp-team/marp-cli/marp-cli.js");
/** Every export works in a folder named so; one left by a killed talkdeck is swept a day later. */
const FOLDER_PREFIX = "talkdeck-marp-";
const DEFAULT_TIMEOUT_MS = 120_000;
const POSIX = process.platform !== "win32";

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

// --- What a stopped talkdeck must not leave behind -------------------------------------------

/** An export in progress: its folder, and the process groups of its marp-cli and browser. */
interface ExportRun {
  folder: string;
  children: Set<ChildProcess>;
  browserPidFile: string;
}

/**
 * SIGKILL to a whole process group (a detached child leads its own), else to
 * the process alone should it lead none; gone already is fine.
 */
function killGroup(pid: number | undefined): void {
  if (pid === undefined || pid <= 0) return;
  for (const target of POSIX ? [-pid, pid] : [pid]) {
    try {
      process.kill(target, "SIGKILL");
      return;
    } catch {
      // Not a group leader, or already gone.
    }
  }
}

function browserPid(run: ExportRun): number | undefined {
  try {
    const pid = Number(readFileSync(run.browserPidFile, "utf8").trim());
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Synchronous, for a signal handler: stops marp-cli and the browser, removes the folder. */
function abandon(run: ExportRun): void {
  for (const child of run.children) killGroup(child.pid);
  killGroup(browserPid(run));
  rmSync(run.folder, { recursive: true, force: true });
}

// --- marp-cli with a browser, in a process of its own ----------------------------------------

interface Outcome {
  code: number | null;
  timedOut: boolean;
  output: string;
}

/**
 * Runs marp-cli's own command in a process group of its own, with TMPDIR in
 * the export's folder (marp-cli makes the browser's profile there) and a time
 * limit: past it, marp-cli's group is killed, then the browser's.
 */
async function runMarpCli(
  args: readonly string[],
  run: ExportRun,
  limits: { tmp: string; timeoutMs: number },
): Promise<Outcome> {
  const { tmp, timeoutMs } = limits;
  const child = spawn(process.execPath, [MARP_CLI, ...args], {
    detached: POSIX,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
  });
  run.children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-16_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const closed = new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    child.once("close", (code) => done(code));
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // marp-cli first: told its browser died, it starts another (without a pipe).
    killGroup(child.pid);
    killGroup(browserPid(run));
  }, timeoutMs);
  try {
    const code = await closed;
    // One it was starting as it was killed has written its pid by now.
    if (timedOut) killGroup(browserPid(run));
    return { code, timedOut, output };
  } finally {
    clearTimeout(timer);
    run.children.delete(child);
  }
}

/** marp-cli's last words, without colours or stack frames: enough to say what went wrong. */
function lastWords(output: string): string {
  const lines = output
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(
      (line) => line !== "" && !line.startsWith("at ") && !line.startsWith("TROUBLESHOOTING"),
    );
  return lines.slice(-3).join(" / ");
}

function exportError(
  format: DeckFormat,
  browser: string,
  outcome: Outcome,
  timeoutMs: number,
): TalkdeckError {
  const what = format.toUpperCase();
  const check = `check that it is Chrome or Chromium and starts (\`${browser} --headless --dump-dom about:blank\` prints a page), or name another with --browser`;
  if (outcome.timedOut) {
    return new TalkdeckError(
      ErrorCode.ExportTimedOut,
      `the ${what} export did not finish in ${timeoutMs / 1000} s; talkdeck stopped the browser ${browser}`,
      { hint: `${check}; TALKDECK_EXPORT_TIMEOUT_MS=<milliseconds> allows more time` },
    );
  }
  const launch = /Failed to launch the browser process(?:[\s\S]{0,40}?Code: (\d+))?/.exec(
    outcome.output,
  );
  if (launch !== null) {
    const code = launch[1] === undefined ? "" : ` (it exited with code ${launch[1]})`;
    return new TalkdeckError(
      ErrorCode.BrowserFailed,
      `the browser ${browser} did not start for the ${what} export${code}`,
      { hint: check },
    );
  }
  return new TalkdeckError(ErrorCode.ExportFailed, `marp-cli could not make the ${what} export`, {
    hint: lastWords(outcome.output) || `exit code ${outcome.code}; ${check}`,
  });
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
    const deck = join(folder, "deck");
    const tmp = join(folder, "tmp");
    const launcher = join(folder, "browser.sh");
    const paths: StagePaths = {
      deck,
      tmp,
      plainTheme: join(deck, "talkdeck-theme.css"),
      fontTheme: join(deck, "talkdeck-fonts.css"),
      launcher,
    };
    const browserExports = formats.some((format) => format !== "html");
    await stageInputs(run, paths, { markdown, fontCss, assets, browser }, browserExports);
    const before = new Set(await listFiles(deck));
    for (const format of formats) {
      const args = [
        join(deck, "deck.md"),
        "--no-config-file",
        "--engine",
        ENGINE,
        // By name from a theme set: a theme given as a file gets a random name, and the HTML would differ each build.
        "--theme-set",
        format === "html" ? paths.plainTheme : paths.fontTheme,
        "--theme",
        "talkdeck-export",
        ...formatArgs(format, deck),
      ];
      if (format === "html") {
        await exportHtml(args);
        continue;
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
      const browserArgs = ["--browser-path", POSIX ? launcher : browser, "--allow-local-files"];
      const outcome = await runMarpCli([...args, ...browserArgs], run, { tmp, timeoutMs });
      if (outcome.code !== 0 || outcome.timedOut) {
        throw exportError(format, browser, outcome, timeoutMs);
      }
    }
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
  } finally {
    forget();
    await rm(folder, { recursive: true, force: true });
    await swept;
  }
}
