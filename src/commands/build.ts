import { availableParallelism } from "node:os";
import { INSTALL_HINT } from "../deck/browser.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import type { Io } from "../run.js";

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

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new TalkdeckError(
      ErrorCode.Usage,
      `--shard takes i/n with 1 ≤ i ≤ n, such as 1/2, not "${value}"`,
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

/** `talkdeck build FILE…`: each talk in turn; the exit code is the worst of them. */
export async function runBuild(
  files: readonly string[],
  flags: BuildFlags,
  io: Io,
): Promise<number> {
  // Renderers load only for commands that render.
  const { buildTalk } = await import("../build.js");
  const formats = (["pdf", "pptx", "images"] as const)
    .filter((flag) => flags[flag] === true)
    .map((flag) => (flag === "images" ? "png" : flag));
  const jobs = parseJobs(flags.jobs);
  const shard = parseShard(flags.shard);
  let exitCode = 0;
  for (const file of files.length === 0 ? ["talk.md"] : files) {
    const progress = await progressBar(io, flags.quiet === true);
    const result = await buildTalk(file, {
      ...(flags.output === undefined ? {} : { output: flags.output }),
      ...(flags.theme === undefined ? {} : { theme: flags.theme }),
      ...(flags.templates === undefined ? {} : { templatesDir: flags.templates }),
      ...(flags.browser === undefined ? {} : { browser: flags.browser }),
      ...(shard === undefined ? {} : { shard }),
      formats,
      jobs,
      allowRemote: flags.allowRemote === true,
      force: flags.force === true,
      onProgress: progress,
    }).finally(() => progress.stop());
    if (flags.quiet !== true) {
      for (const note of result.notes) io.stderr.write(`talkdeck: note: ${note}\n`);
      const kept = result.cards - result.cardsRendered;
      const counts = `${result.slides} slides, ${result.cards} cards`;
      io.stderr.write(
        result.unchanged
          ? `talkdeck: ${result.outputDir} is up to date (${counts}); --force builds it anyway\n`
          : `talkdeck: wrote ${result.outputDir} (${counts}${kept > 0 ? `, ${kept} unchanged` : ""})\n`,
      );
    }
    if (result.missingExports.length > 0) {
      const names = result.missingExports.map((format) => format.toUpperCase()).join(", ");
      io.stderr.write(`talkdeck: error: ${names} not made: no browser found; ${INSTALL_HINT}\n`);
      exitCode = 1;
    }
  }
  return exitCode;
}
