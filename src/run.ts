import { Command, CommanderError, Option } from "commander";
import type { BuildFlags } from "./commands/build.js";
import { defaultIo, type Io, reportError } from "./io.js";
import type { PreviewFlags } from "./preview/command.js";

/** Commander says "usage problem" with exit code 1; ours is 2. Help and version are 0. */
function commanderExit(error: CommanderError): number {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
  return 2;
}

/** What a command tells `run` beyond success: an exit code for a partial result. */
interface RunState {
  exitCode: number;
}

/** `build`: the deck and the cards of each talk, once or on every save. */
function addBuildCommand(program: Command, io: Io, state: RunState): void {
  program
    .command("build")
    .description("render the deck (deck.md, deck.html) and the quote cards into OUT/<talk>/")
    .argument("[files...]", "talks (or spec files whose `source:` names the talk); default talk.md")
    .option("-o, --output <dir>", "output root; files go to <dir>/<talk>/ (default: out)")
    .option(
      "--theme <name>",
      "theme (midnight, paper, brand, or a tokens file), overriding the front matter",
    )
    .option(
      "--templates <dir>",
      "folder of your own templates (deck/*.md.hbs, cards/*.html.hbs, carousel/*.html.hbs) overriding ours by name",
    )
    .option("--pdf", "also export deck.pdf (needs Chrome or Chromium)")
    .option("--pptx", "also export deck.pptx (needs Chrome or Chromium)")
    .option("--images", "also export one PNG per slide into slides/ (needs Chrome or Chromium)")
    .option(
      "--browser <path>",
      "the Chrome or Chromium to export with (default: CHROME_PATH, then the usual places)",
    )
    .option(
      "--allow-remote",
      "fetch the talk's remote images (its cover), with a time limit and a size cap",
    )
    .option("-j, --jobs <n>", "worker threads for drawing cards (default: the number of cores)")
    .option(
      "--shard <i/n>",
      "draw only the i-th of n equal shares of the cards (split a batch across machines)",
    )
    .option("-f, --force", "build even when nothing changed since the last build")
    .option("-w, --watch", "build again whenever the talk, spec, theme, logo or a template changes")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (files: string[], options: BuildFlags) => {
      const { runBuild } = await import("./commands/build.js");
      state.exitCode = Math.max(state.exitCode, await runBuild(files, options, io));
    });
}

/** `preview` (`dev`): the live preview server. */
function addPreviewCommand(program: Command, io: Io, state: RunState): void {
  program
    .command("preview")
    .alias("dev")
    .description(
      "build, serve a live preview (deck, cards, quote candidates) on 127.0.0.1, and rebuild on every save",
    )
    .argument("[file]", "the talk (or a spec file whose `source:` names it); default talk.md")
    .option("-o, --output <dir>", "output root; files go to <dir>/<talk>/ (default: out)")
    .option("--theme <name>", "theme (midnight, paper, brand, or a tokens file)")
    .option("--templates <dir>", "folder of your own templates, watched too")
    .option("--port <n>", "port to listen on (default: a free one)")
    .option("--open", "open the preview in the system's browser")
    .option("-j, --jobs <n>", "worker threads for drawing cards (default: the number of cores)")
    .action(async (file: string | undefined, options: PreviewFlags) => {
      const { runPreview } = await import("./preview/command.js");
      state.exitCode = Math.max(state.exitCode, await runPreview(file, options, io));
    });
}

/** `quotes`: the ranked candidates. */
function addQuotesCommand(program: Command, io: Io): void {
  program
    .command("quotes")
    .description(
      "list the quote candidates of a talk, best first, with the ids the front matter uses",
    )
    .argument("<file>", "the talk")
    .option("--json", "print JSON on stdout")
    .action(async (file: string, options: { json?: boolean }) => {
      const { listQuotes } = await import("./commands/quotes.js");
      io.stdout.write(await listQuotes(file, options.json === true));
    });
}

/** `init`: settings for a write-up, or a starter talk. */
function addInitCommand(program: Command, io: Io): void {
  program
    .command("init")
    .description(
      "add commented talkdeck settings to a write-up's front matter (or a spec file beside it); with no file, write a starter talk.md",
    )
    .argument("[file]", "the write-up")
    .option("--spec", "write the settings to FILE.talkdeck.md (`source:` names the talk) instead")
    .option("-f, --force", "replace a spec file or talk.md that is already there")
    .action(async (file: string | undefined, options: { spec?: boolean; force?: boolean }) => {
      const { runInit } = await import("./commands/init.js");
      io.stdout.write(await runInit(file, options));
    });
}

/** `inspect`: everything read from a talk, as JSON. */
function addInspectCommand(program: Command, io: Io): void {
  program
    .command("inspect")
    .description("print what talkdeck read from a talk: meta, points, speakers, turns, quotes")
    .argument("<file>", "the talk")
    // Accepted for symmetry with `quotes --json`: JSON is inspect's only format.
    .addOption(new Option("--json", "print JSON on stdout (the only format)").default(true))
    .action(async (file: string) => {
      const { inspectTalk } = await import("./commands/inspect.js");
      io.stdout.write(await inspectTalk(file));
    });
}

function buildProgram(io: Io, version: string, state: RunState): Command {
  const program = new Command("talkdeck")
    .description("Turn a talk write-up in Markdown into a Marp slide deck and PNG quote cards.")
    .version(version, "-v, --version")
    .showHelpAfterError("(run `talkdeck --help` for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  for (const add of [
    addBuildCommand,
    addPreviewCommand,
    addQuotesCommand,
    addInitCommand,
    addInspectCommand,
  ])
    add(program, io, state);
  return program;
}

/** The CLI as a function: parses argv, runs the command, returns the exit code. Never exits the process. */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const { version } = await import("./version.js");
  const state: RunState = { exitCode: 0 };
  const program = buildProgram(io, version, state);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    return reportError(error, io);
  }
}
