import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { run } from "../../src/run.js";
import { normalizeForMatch } from "../../src/talk/text.js";
import { captureIo } from "../helpers/io.js";
import { tempDir } from "../helpers/paths.js";

/**
 * A small two-speaker talk whose answers hold the given sentences in bold,
 * one paragraph each, in order: every sentence becomes a quote candidate.
 */
export function talkWithQuotes(quotes: readonly string[], frontMatter = ""): string {
  const header = frontMatter === "" ? "" : `---\n${frontMatter.trim()}\n---\n`;
  const answers = quotes.map((quote) => `**Sam:** Well. **${quote}** That is all.`).join("\n\n");
  return `${header}# Shipping Small\n\n**Lex:** How do you ship?\n\n${answers}\n`;
}

/** The sha1 of a quote's normalised text, as quote ids are derived from it. */
export function quoteHash(text: string): string {
  return createHash("sha1").update(normalizeForMatch(text)).digest("hex");
}

/** A numbered quotable sentence: `Team 12 ships small changes every single day.` */
export function sentence(n: number): string {
  return `Team ${n} ships small changes every single day and sleeps well.`;
}

/** Two numbered sentences whose ids share their first four hex digits. */
export function collidingSentences(): [string, string] {
  const seen = new Map<string, string>();
  for (let n = 1; ; n += 1) {
    const text = sentence(n);
    const prefix = quoteHash(text).slice(0, 4);
    const earlier = seen.get(prefix);
    if (earlier !== undefined) return [earlier, text];
    seen.set(prefix, text);
  }
}

/** Runs the CLI and returns its exit code and what it printed. */
export async function runCli(argv: readonly string[]) {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/**
 * Writes a talk into a new temporary folder: the file, an output root beside
 * it, and the talk's output folder in it (`talk.md` is named after its folder).
 */
export async function writeTalk(
  text: string,
): Promise<{ dir: string; file: string; out: string; built: string }> {
  const dir = await tempDir("talkdeck-quotes-cards-");
  const file = join(dir, "talk.md");
  await writeFile(file, text);
  return { dir, file, out: join(dir, "out"), built: join(dir, "out", basename(dir)) };
}

/** A friendly error: one `talkdeck: error:` message, no stack trace, no internal error. */
export function isFriendly(stderr: string): boolean {
  return (
    stderr.includes("talkdeck: error:") &&
    !/^\s+at /m.test(stderr) &&
    !stderr.includes("internal error")
  );
}
