#!/usr/bin/env node
/**
 * `npm run eval [-- CORPUS_DIR] [--json FILE]`: scores talkdeck's reader on a
 * corpus of real write-ups (by default ../shared/corpus beside the project)
 * and prints one row per case and the totals; the figures go to JSON too.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { defaultCorpusDir, evaluateCorpus, totalsOf } from "./corpus.js";
import { formatTable } from "./table.js";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

const program = new Command()
  .name("talkdeck-eval")
  .description(
    "Score talkdeck's reader (title, speakers, points, quote ranking) on a corpus of real write-ups.",
  )
  .argument("[corpus]", "folder holding corpus.json and its cases", defaultCorpusDir())
  .option(
    "--json <file>",
    "where to write the figures as JSON",
    resolve(projectRoot, "out", "eval.json"),
  )
  .option("--runs <n>", "parses per case for the timing (median kept)", "3")
  .action(async (corpus: string, options: { json: string; runs: string }) => {
    const dir = resolve(corpus);
    const results = await evaluateCorpus(dir, Math.max(1, Number.parseInt(options.runs, 10) || 1));
    const totals = totalsOf(results);
    process.stdout.write(formatTable(results, totals));
    await mkdir(dirname(options.json), { recursive: true });
    await writeFile(
      options.json,
      `${JSON.stringify({ corpus: dir, totals, cases: results }, null, 2)}\n`,
    );
    process.stdout.write(`\nfigures written to ${options.json}\n`);
  });

await program.parseAsync();
