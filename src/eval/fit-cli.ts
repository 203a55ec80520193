#!/usr/bin/env node
/**
 * `npm run fit [-- CORPUS_DIR] [--dry-run]`: refits the quote ranker's
 * weights on the corpus and writes them to src/talk/rank/weights.json, with
 * the date, the corpus size and the figures: recall@10 in-sample and leave
 * one case out (the estimate for write-ups the ranker has never seen).
 * Rebuild afterwards (`npm run build`, or `npm run eval`) to use them.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { FEATURES, type FeatureName } from "../talk/rank/features.js";
import { unitWeight } from "../talk/rank/model.js";
import { defaultCorpusDir } from "./corpus.js";
import { collectCases, type FitReport, fitCorpus } from "./fit.js";
import { percent } from "./table.js";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const weightsFile = resolve(projectRoot, "src", "talk", "rank", "weights.json");

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function summary(report: FitReport): string {
  const inSample = report.cases.reduce((sum, entry) => sum + entry.inSample, 0);
  const leftOut = report.cases.reduce((sum, entry) => sum + entry.leftOut, 0);
  const lines = [
    `${report.cases.length} cases, ${report.references} reference quotes, ${report.candidates} candidates (${report.positives} match a reference)`,
    "",
    "L2 penalty   leave-one-case-out recall@10",
    ...report.grid.map(
      ({ lambda, found }) =>
        `${String(lambda).padEnd(12)} ${found}/${report.references}${lambda === report.lambda ? "   chosen" : ""}`,
    ),
    "",
    `${"case".padEnd(34)} in-sample  left out`,
    ...report.cases.map(
      (entry) =>
        `${entry.file.replace(/^.*\//, "").replace(/\.md$/, "").padEnd(34)} ${`${entry.inSample}/${entry.references}`.padEnd(10)} ${entry.leftOut}/${entry.references}`,
    ),
    "",
    `recall@10 in-sample ${inSample}/${report.references} (${percent(inSample, report.references)}), leave-one-case-out ${leftOut}/${report.references} (${percent(leftOut, report.references)})`,
    "",
    `${"feature".padEnd(32)} weight  per unit`,
    ...[...report.model.features]
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .map(
        (feature) =>
          `${(FEATURES[feature.name as FeatureName] ?? feature.name).padEnd(32)} ${feature.weight.toFixed(2).padStart(6)}  ${unitWeight(feature).toFixed(2).padStart(8)}`,
      ),
  ];
  return `${lines.join("\n")}\n`;
}

function weightsJson(report: FitReport): string {
  const inSample = report.cases.reduce((sum, entry) => sum + entry.inSample, 0);
  const leftOut = report.cases.reduce((sum, entry) => sum + entry.leftOut, 0);
  const data = {
    about:
      "Quote ranker weights, written by `npm run fit` (src/eval/fit.ts): weight of each standardised feature ((value − mean) / scale), softmax ranking loss per reference quote, L2 penalty chosen by leave-one-case-out recall@10.",
    fitted: new Date().toISOString().slice(0, 10),
    corpus: {
      cases: report.cases.length,
      references: report.references,
      candidates: report.candidates,
      positives: report.positives,
    },
    lambda: report.lambda,
    recallAt10: {
      inSample: `${inSample}/${report.references}`,
      leaveOneCaseOut: `${leftOut}/${report.references}`,
    },
    features: report.model.features.map((feature) => ({
      name: feature.name,
      mean: round(feature.mean),
      scale: round(feature.scale),
      weight: round(feature.weight),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const program = new Command()
  .name("talkdeck-fit")
  .description("Refit the quote ranker's weights on a corpus of real write-ups.")
  .argument("[corpus]", "folder holding corpus.json and its cases", defaultCorpusDir())
  .option("--dry-run", "print the figures without writing weights.json")
  .action(async (corpus: string, options: { dryRun?: boolean }) => {
    const report = fitCorpus(await collectCases(resolve(corpus)));
    process.stdout.write(summary(report));
    if (options.dryRun === true) return;
    await writeFile(weightsFile, weightsJson(report));
    process.stdout.write(`\nweights written to ${weightsFile}; rebuild to use them\n`);
  });

await program.parseAsync();
