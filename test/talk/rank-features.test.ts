import { describe, expect, it } from "vitest";
import * as cue from "../../src/talk/rank/cues.js";
import { FEATURE_NAMES, type FeatureName } from "../../src/talk/rank/features.js";
import { orderByScore, type RankModel, scoreFeatures } from "../../src/talk/rank/model.js";
import { quotedPhrases, withoutLeadIn } from "../../src/talk/rank/phrases.js";

const w = cue.wording;

describe("phrases", () => {
  it("finds the phrases in quotation marks", () => {
    expect(quotedPhrases("他说“每一分都要全力以赴”，又说「先看见，再相信」。")).toEqual([
      "每一分都要全力以赴",
      "先看见，再相信",
    ]);
    expect(quotedPhrases('She said: "Progress is not a straight line:" and left.')).toEqual([
      "Progress is not a straight line",
    ]);
  });

  it("leaves out what leads into the point", () => {
    expect(withoutLeadIn("But of course, cheap tests are worth more than clever ones.")).toBe(
      "cheap tests are worth more than clever ones.",
    );
    expect(withoutLeadIn("我想说的点在于，好产品不需要解释。")).toBe("好产品不需要解释。");
    expect(withoutLeadIn("What we learned is that speed beats polish.")).toBe(
      "speed beats polish.",
    );
    expect(withoutLeadIn("Speed beats polish.")).toBeUndefined();
    expect(withoutLeadIn("3.5 times more users came back.")).toBeUndefined();
  });
});

describe("wording cues", () => {
  it("length fit peaks at 12–60 Chinese characters and 8–30 words", () => {
    expect(cue.lengthFit(w("好的产品要为明天的模型而设计。"))).toBe(1);
    expect(cue.lengthFit(w("好。"))).toBe(0);
    expect(cue.lengthFit(w("产".repeat(100)))).toBeLessThan(0.5);
    expect(cue.lengthFit(w("We watch what users do, not what they say."))).toBe(1);
    expect(cue.lengthFit(w(Array(60).fill("word").join(" ")))).toBeLessThan(0.5);
  });

  it("a line that leans on the one before", () => {
    expect(cue.opensWithConnective(w("所以我们改了定价。"))).toBe(1);
    expect(cue.opensWithConnective(w("But nobody asked."))).toBe(1);
    expect(cue.opensWithPronoun(w("这就是原因。"))).toBe(1);
    expect(cue.opensWithPronoun(w("That is the reason."))).toBe(1);
    expect(cue.opensWithConnective(w("Users lie about what they want."))).toBe(0);
    expect(cue.opensWithPronoun(w("用户不会告诉你真话。"))).toBe(0);
  });

  it("first-person claims", () => {
    expect(cue.firstPersonClaim(w("我认为速度比完美重要。"))).toBe(1);
    expect(cue.firstPersonClaim(w("I believe small teams win."))).toBe(1);
    expect(cue.firstPersonClaim(w("We shipped on Friday."))).toBe(0.5);
    expect(cue.firstPersonClaim(w("Small teams win."))).toBe(0);
  });

  it("contrast", () => {
    expect(cue.contrast(w("不是速度问题，而是方向问题。"))).toBe(1);
    expect(cue.contrast(w("We sell outcomes rather than hours."))).toBe(1);
    expect(cue.contrast(w("Speed matters, not polish."))).toBe(1);
    expect(cue.contrast(w("很难，但值得。"))).toBe(0.5);
    expect(cue.contrast(w("Speed matters."))).toBe(0);
  });

  it("imperatives in Chinese, where \\b never matches", () => {
    expect(cue.imperative(w("一定要先做减法。"))).toBe(1);
    expect(cue.imperative(w("你们不要急着融资。"))).toBe(1);
    expect(cue.imperative(w("Don't hire people who agree with you."))).toBe(1);
    expect(cue.imperative(w("Every team should write things down."))).toBe(0.5);
    expect(cue.imperative(w("团队写下了一切。"))).toBe(0);
  });

  it("aphorism shape: short, general, parallel", () => {
    expect(cue.aphorism(w("好产品自己会说话。"))).toBe(1);
    expect(cue.aphorism(w("I shipped 3 products in 2019 at Acme."))).toBe(0);
    expect(cue.parallel(w("越简单的产品越难做。"))).toBe(1);
    expect(cue.parallel(w("Stay hungry, stay foolish."))).toBe(1);
    expect(cue.parallel(w("Stay hungry and foolish."))).toBe(0);
  });

  it("a story, an example, a step in a list", () => {
    expect(cue.story(w("去年我们去了深圳，当时下着雨。"))).toBeGreaterThan(0.5);
    expect(cue.story(w("好产品自己会说话。"))).toBe(0);
    expect(cue.story(w("We started in a garage and failed twice."))).toBeGreaterThan(0.2);
    expect(cue.example(w("比如我们的客服机器人。"))).toBe(1);
    expect(cue.listStep(w("首先，五年是很长的时间。"))).toBe(1);
    expect(cue.listStep(w("First, check the logs."))).toBe(1);
  });

  it("narration about the speaker, and words reported from someone else", () => {
    expect(cue.narration(w("他回忆起第一次比赛时的紧张。"), "罗杰·费德勒")).toBe(1);
    expect(cue.narration(w("费德勒说这很难。"), "罗杰·费德勒")).toBe(1);
    expect(cue.narration(w("我记得第一次比赛。"), "罗杰·费德勒")).toBe(0);
    expect(cue.reports(w("As my mentor once told me, ship early."))).toBe(1);
    expect(cue.reports(w("有句话说得好，慢就是快。"))).toBe(1);
    expect(cue.reports(w("Ship early."))).toBe(0);
  });

  it("names and numbers", () => {
    expect(cue.specifics(w("In 2019 Acme sold 3 million units to Globex."))).toBe(1);
    expect(cue.specifics(w("Small teams win."))).toBe(0);
    expect(cue.specifics(w("I think so."))).toBe(0);
  });

  it("questions and unfinished lines", () => {
    expect(cue.isQuestion(w("你能相信吗？我不能。"))).toBe(1);
    expect(cue.unfinished(w("If you just look at it..."))).toBe(1);
    expect(cue.unfinished(w("接下来讲三个拐点："))).toBe(1);
    expect(cue.unfinished(w("It works."))).toBe(0);
  });
});

/** A model with a weight per feature, already standardised (mean 0, scale 1). */
function model(weights: Partial<Record<FeatureName, number>>): RankModel {
  return {
    features: FEATURE_NAMES.map((name) => ({
      name,
      mean: 0,
      scale: 1,
      weight: weights[name] ?? 0,
    })),
  };
}

const none = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as Record<
  FeatureName,
  number
>;

describe("the score", () => {
  it("sums each feature's contribution, and why lists them largest first", () => {
    const scored = scoreFeatures(
      { ...none, bold: 1, length: 0.5, question: 1, position: 0.5 },
      model({ bold: 1.8, length: 1.2, question: -2, position: 0.1 }),
    );
    expect(scored.score).toBeCloseTo(1.8 + 0.6 - 2 + 0.05);
    expect(scored.why).toEqual([
      "a question −2.0",
      "bold in the transcript +1.8",
      "length fits a card +0.6",
    ]);
  });

  it("scales by the fitted spread of each feature", () => {
    const fitted: RankModel = {
      features: [{ name: "bold", mean: 0.1, scale: 0.5, weight: 1 }],
    };
    expect(scoreFeatures({ ...none, bold: 1 }, fitted).score).toBeCloseTo(2);
  });

  it("keeps near-duplicates out of the top: a sentence waits behind the bold span it holds", () => {
    const ranked = orderByScore([
      { text: "Ship small. Ship often, and listen.", score: 2.5, line: 1 },
      { text: "Ship small.", score: 3, line: 1 },
      { text: "Listen to the users who leave.", score: 2, line: 4 },
    ]);
    expect(ranked.map((item) => item.text)).toEqual([
      "Ship small.",
      "Listen to the users who leave.",
      "Ship small. Ship often, and listen.",
    ]);
  });
});
