/**
 * `talkdeck preview [FILE]` (alias `dev`): builds the talk, serves a preview
 * page on 127.0.0.1, and rebuilds on every save until Ctrl-C.
 */
import { buildOptions } from "../commands/build.js";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { type Io, reportError } from "../io.js";
import { printable } from "../printable.js";
import { openBrowser } from "./open-browser.js";
import { startPreview } from "./preview.js";
import { untilStopped } from "./stop-signal.js";

export interface PreviewFlags {
  output?: string;
  theme?: string;
  templates?: string;
  jobs?: string;
  port?: string;
  open?: boolean;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) {
    throw new TalkdeckError(
      ErrorCode.Usage,
      `--port takes a port number from 0 to 65535, not "${value}"`,
      { location: { key: "--port" }, hint: "leave it out to use a free port" },
    );
  }
  return port;
}

export async function runPreview(
  file: string | undefined,
  flags: PreviewFlags,
  io: Io,
  signal?: AbortSignal,
): Promise<number> {
  const port = parsePort(flags.port);
  const { options } = buildOptions({
    ...(flags.output === undefined ? {} : { output: flags.output }),
    ...(flags.theme === undefined ? {} : { theme: flags.theme }),
    ...(flags.templates === undefined ? {} : { templates: flags.templates }),
    ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
  });
  const talk = file ?? "talk.md";
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({
      file: talk,
      build: options,
      port,
      onEvent: (event) => {
        if (event.kind === "built") {
          const { result } = event;
          const what = result.unchanged
            ? "up to date"
            : `built in ${(event.ms / 1000).toFixed(1)} s`;
          io.stderr.write(
            `talkdeck: ${what}: ${result.slides} slides, ${result.cards} cards (${result.cardsRendered} drawn)\n`,
          );
          for (const note of result.notes) io.stderr.write(`talkdeck: note: ${printable(note)}\n`);
        } else if (event.kind === "failed") {
          reportError(event.error, io, talk);
          io.stderr.write("talkdeck: the preview keeps the last good build; save a fix to go on\n");
        }
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    throw new TalkdeckError(ErrorCode.Usage, `cannot listen on 127.0.0.1:${port} (${code})`, {
      location: { key: "--port" },
      hint: "pick another --port, or leave it out to use a free one",
    });
  }
  io.stdout.write(`talkdeck: preview at ${preview.url} (Ctrl-C stops)\n`);
  if (flags.open === true && !(await openBrowser(preview.url))) {
    io.stderr.write(`talkdeck: could not open a browser; open ${preview.url} yourself\n`);
  }
  await untilStopped(signal);
  await preview.close();
  return 0;
}
