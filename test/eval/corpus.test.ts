/**
 * The acceptance figures on the real corpus (../shared/corpus, or
 * $TALKDECK_CORPUS): thresholds, not orders. The corpus holds third-party
 * texts that are not in this repository; without it the test is skipped.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CaseResult,
  type CorpusTotals,
  defaultCorpusDir,
  evaluateCorpus,
  totalsOf,
} from "../../src/eval/corpus.js";
import { collectCases, leaveOneCaseOut } from "../../src/eval/fit.js";
import weights from "../../src/talk/rank/weights.json" with { type: "json" };

const dir = defaultCorpusDir();
const present = existsSync(join(dir, "corpus.json"));
const title = present
  ? `the corpus at ${dir}`
  : `the corpus (skipped: no corpus.json at ${dir}; set TALKDECK_CORPUS to its folder)`;

describe.skipIf(!present)(title, () => {
  let results: CaseResult[] = [];
  let totals: CorpusTotals;
  let leftOut = 0;

  beforeAll(async () => {
    results = await evaluateCorpus(dir, 3);
    totals = totalsOf(results);
    const lambda = "lambda" in weights ? Number(weights.lambda) : 0.1;
    leftOut = leaveOneCaseOut(await collectCases(dir), { lambda }).reduce((a, b) => a + b, 0);
  }, 180_000);

  const share = (part: number) => part / totals.references;

  it("refuses no case and finds candidates in every one", () => {
    expect(
      results.filter((result) => result.refused !== null).map((result) => result.file),
    ).toEqual([]);
    expect(
      results.filter((result) => result.candidates === 0).map((result) => result.file),
    ).toEqual([]);
  });

  it("has at least 95% of the reference quotes among its candidates", () => {
    expect(share(totals.anywhere)).toBeGreaterThanOrEqual(0.95);
  });

  // Floors, not the goal: issue 11 asks for 70% (in sample) and 50% (leave one case out); the
  // fitted ranker reaches 44% and 33% today (npm run eval, npm run fit). The floors keep a
  // change from losing what it has without anyone noticing.
  it("ranks at least 40% of the reference quotes in the top 10 of their case", () => {
    expect(share(totals.top10)).toBeGreaterThanOrEqual(0.4);
  });

  it("ranks at least 30% in the top 10 when the ranker is fitted without the case (leave one case out)", () => {
    expect(share(leftOut)).toBeGreaterThanOrEqual(0.3);
  });

  it("gives every quote it finds to the right speaker", () => {
    expect(totals.rightSpeaker).toBe(totals.textFound);
  });
});
