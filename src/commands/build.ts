import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { BuildOptions, BuildResult } from "../build-options.js";
import type { CliOverrides } from "../config/resolve.js";
import { INSTALL_HINT } from "../deck/browser.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { type Io, reportError } from "../io.js";
import { printable } from "../printable.js";

export interface BuildFlags {
  output?: string;
  theme?: string;
  templates?: string;
  pdf?: boolean;
  pptx?: boolean;
  images?: boolean;
  allowRemote?: boolean;
  browser?: string;
  jobs?: string;
  shard?: string;
  force?: boolean;
  quiet?: boolean;
  /** Build again whenever an input changes, until Ctrl-C. */
  watch?: boolean;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new TalkdeckError(
      ErrorCode.Usage,
      `--jobs takes a whole number from 1 to 64, not "${value}"`,
      {
        location: { key: "--jobs" },
      },
    );
  }
  return jobs;
}

/** More shares than this would each hold a card or none. */
const MAX_SHARDS = 10_000;

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,5})\/(\d{1,5})$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new TalkdeckError(
      ErrorCode.Usage,
      `--shard takes i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS}, such as 1/2, not "${value}"`,
      {
        location: { key: "--shard" },
      },
    );
  }
  return { index, count };
}

/** A progress bar on stderr when it is a terminal and there is enough to wait for. */
async function progressBar(
  io: Io,
  quiet: boolean,
): Promise<((done: number, total: number) => void) & { stop(): void }> {
  const stream = io.stderr as NodeJS.WriteStream;
  let bar:
    | { start(total: number, value: number): void; update(value: number): void; stop(): void }
    | undefined;
  const show = !quiet && stream.isTTY === true;
  const { default: cliProgress } = show ? await import("cli-progress") : { default: undefined };
  const update = (done: number, total: number) => {
    if (cliProgress === undefined || total < 5) return;
    if (bar === undefined) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: "talkdeck: cards [{bar}] {value}/{total}",
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    bar.update(done);
  };
  return Object.assign(update, { stop: () => bar?.stop() });
}

/**
 * The output folder a talk's build will write, resolved as the build does
 * (a spec file's `source:` names its talk), without parsing the talk; none
 * when its files or front matter are wrong: its own build reports that.
 */
async function outputFolderOf(file: string, overrides: CliOverrides): Promise<string | undefined> {
  const { loadAndResolve } = await import("../load-talk.js");
  try {
    return (await loadAndResolve(file, overrides)).config.outputDir;
  } catch (error) {
    if (error instanceof TalkdeckError) return undefined;
    throw error;
  }
}

/** Talks of one batch that would write the same folder, one error per folder. */
async function outputClashes(
  files: readonly string[],
  overrides: CliOverrides,
): Promise<TalkdeckError[]> {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const folder = await outputFolderOf(file, overrides);
    if (folder !== undefined) byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  return [...byFolder]
    .filter(([, talks]) => talks.length > 1)
    .map(
      ([folder, talks]) =>
        new TalkdeckError(
          ErrorCode.OutputClash,
          `${talks.join(" and ")} would ${talks.length === 2 ? "both" : "all"} write ${folder}, each over the other`,
          {
            hint: "build them in separate runs with their own -o, give each an `output:` of its own in the front matter, or rename one of the files",
          },
        ),
    );
}

/** Each talk once, in the order given: the same file twice is one talk, not a clash. */
function distinctTalks(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a build did, on stderr: its notes, then what it wrote or that nothing changed. */
export function printResult(result: BuildResult, io: Io): void {
  for (const note of result.notes) io.stderr.write(`talkdeck: note: ${printable(note)}\n`);
  const kept = result.cards - result.cardsRendered;
  const carousel =
    result.carouselImages === undefined ? "" : `, a carousel of ${result.carouselImages}`;
  const counts = `${result.slides} slides, ${result.cards} cards${carousel}`;
  io.stderr.write(
    result.unchanged
      ? `talkdeck: ${result.outputDir} is up to date (${counts}); --force builds it anyway\n`
      : `talkdeck: wrote ${result.outputDir} (${counts}${kept > 0 ? `, ${kept} unchanged` : ""})\n`,
  );
}

/** Builds one talk and says what it wrote (or that it was up to date); returns its exit code. */
async function buildAndReport(file: string, options: BuildOptions, quiet: boolean, io: Io) {
  const { buildTalk } = await import("../build.js");
  const progress = await progressBar(io, quiet);
  const result = await buildTalk(file, { ...options, onProgress: progress }).finally(() =>
    progress.stop(),
  );
  if (!quiet) printResult(result, io);
  if (result.missingExports.length === 0) return 0;
  const names = result.missingExports.map((format) => format.toUpperCase()).join(", ");
  io.stderr.write(`talkdeck: error: ${names} not made: no browser found; ${INSTALL_HINT}\n`);
  return 1;
}

/** The build options the flags ask for, and the part of them that settles the config (`-o`, `--theme`). */
export function buildOptions(flags: BuildFlags): {
  overrides: CliOverrides;
  options: BuildOptions;
} {
  const overrides: CliOverrides = {
    ...(flags.output === undefined ? {} : { output: flags.output }),
    ...(flags.theme === undefined ? {} : { theme: flags.theme }),
  };
  const shard = parseShard(flags.shard);
  const options: BuildOptions = {
    ...overrides,
    ...(flags.templates === undefined ? {} : { templatesDir: flags.templates }),
    ...(flags.browser === undefined ? {} : { browser: flags.browser }),
    ...(shard === undefined ? {} : { shard }),
    formats: (["pdf", "pptx", "images"] as const)
      .filter((flag) => flags[flag] === true)
      .map((flag) => (flag === "images" ? "png" : flag)),
    jobs: parseJobs(flags.jobs),
    allowRemote: flags.allowRemote === true,
    force: flags.force === true,
  };
  return { overrides, options };
}

/**
 * `talkdeck build --watch`: each talk built, then built again whenever a
 * file it reads changes, each result or error printed, until Ctrl-C (or
 * `signal`). The exit code is 0: failures are reported as they happen.
 */
async function watchBuilds(
  talks: readonly string[],
  options: BuildOptions,
  quiet: boolean,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  const { WatchSession } = await import("../preview/session.js");
  const { untilStopped } = await import("../preview/stop-signal.js");
  const sessions = talks.map(
    (file) =>
      new WatchSession({
        file,
        build: options,
        onEvent: (event) => {
          if (event.kind === "built") {
            if (!quiet) printResult(event.result, io);
          } else if (event.kind === "failed") reportError(event.error, io, file);
        },
      }),
  );
  await Promise.all(sessions.map((session) => session.start()));
  if (!quiet) io.stderr.write("talkdeck: watching for changes; Ctrl-C stops\n");
  await untilStopped(signal);
  await Promise.all(sessions.map((session) => session.close()));
  return 0;
}

/**
 * `talkdeck build FILE…`: each talk in turn, every one even when another
 * fails; each failure is reported as it happens. The exit code is the highest
 * of them: 2 when any talk's input was wrong, else 1 when the environment
 * failed one, else 0. Talks that would write one output folder are refused
 * before anything is built.
 */
export async function runBuild(
  files: readonly string[],
  flags: BuildFlags,
  io: Io,
  signal?: AbortSignal,
): Promise<number> {
  const { overrides, options } = buildOptions(flags);
  const talks = distinctTalks(files.length === 0 ? ["talk.md"] : files);
  // One talk cannot clash: its up-to-date check stays free of the spec parser.
  const clashes = talks.length > 1 ? await outputClashes(talks, overrides) : [];
  for (const clash of clashes) reportError(clash, io);
  if (clashes.length > 0) return 2;
  if (flags.watch === true) return watchBuilds(talks, options, flags.quiet === true, io, signal);

  let exitCode = 0;
  for (const file of talks) {
    try {
      exitCode = Math.max(exitCode, await buildAndReport(file, options, flags.quiet === true, io));
    } catch (error) {
      exitCode = Math.max(exitCode, reportError(error, io, file));
    }
  }
  return exitCode;
}
