import { describe, expect, it } from "vitest";
import {
  type FitCase,
  fitCorpus,
  fitModel,
  foundInTop,
  leaveOneCaseOut,
} from "../../src/eval/fit.js";
import { FEATURE_NAMES } from "../../src/talk/rank/features.js";

/** A small deterministic generator, so the fixture is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const BOLD = FEATURE_NAMES.indexOf("bold");
const STORY = FEATURE_NAMES.indexOf("story");

/**
 * Made-up cases of 40 candidates: the two references are bold and tell no
 * story; a few other lines are bold too; every other feature is noise.
 */
function cases(count: number): FitCase[] {
  const next = random(7);
  return Array.from({ length: count }, (_, c) => ({
    file: `case-${c}.md`,
    references: 2,
    candidates: Array.from({ length: 40 }, (_, i) => {
      const reference = i === 5 || i === 30;
      const x = FEATURE_NAMES.map(() => next());
      x[BOLD] = reference || next() < 0.15 ? 1 : 0;
      x[STORY] = reference ? 0 : next();
      return {
        text: `line ${c}-${i}`,
        line: i + 1,
        x,
        matches: i === 5 ? [0] : i === 30 ? [1] : [],
      };
    }),
  }));
}

describe("fitting the ranker", () => {
  const data = cases(6);

  it("weighs the features that tell references apart, with the right sign", () => {
    const model = fitModel(data, { lambda: 0.01 });
    const weight = (name: string) =>
      model.features.find((feature) => feature.name === name)?.weight ?? 0;
    expect(weight("bold")).toBeGreaterThan(0.5);
    expect(weight("story")).toBeLessThan(-0.5);
    const others = model.features.filter((feature) => !["bold", "story"].includes(feature.name));
    for (const feature of others) expect(Math.abs(feature.weight)).toBeLessThan(weight("bold"));
  });

  it("counts the references a model ranks in the top k, as the evaluation does", () => {
    const model = fitModel(data, { lambda: 0.01 });
    for (const entry of data) expect(foundInTop(entry, model, 10)).toBe(2);
  });

  it("leaves each case out in turn, and chooses the penalty by that", () => {
    expect(leaveOneCaseOut(data, { lambda: 0.01 })).toEqual([2, 2, 2, 2, 2, 2]);
    const report = fitCorpus(data, [0.01, 0.1]);
    expect([0.01, 0.1]).toContain(report.lambda);
    expect(report.cases.map((entry) => entry.leftOut)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(report).toMatchObject({ references: 12, candidates: 240, positives: 12 });
  });

  it("a case without candidates finds nothing and does not stop the fit", () => {
    const withEmpty = [...data, { file: "empty.md", references: 3, candidates: [] }];
    expect(leaveOneCaseOut(withEmpty, { lambda: 0.1 }).at(-1)).toBe(0);
  });
});
