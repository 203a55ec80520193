import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { DeckFormat } from "./formats.js";

// The browser exports: marp-cli and its browser in processes of their own, and
// nothing of them left behind, on a time limit or when talkdeck is stopped.

const MARP_CLI = createRequire(import.meta.url).resolve("@marp-team/marp-cli/marp-cli.js");
export const POSIX = process.platform !== "win32";

// --- What a stopped talkdeck must not leave behind -------------------------------------------

/** An export in progress: its folder, and the process groups of its marp-cli and browser. */
export interface ExportRun {
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
export function abandon(run: ExportRun): void {
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
export async function runMarpCli(
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

export function exportError(
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
