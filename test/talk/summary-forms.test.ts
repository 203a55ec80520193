import { describe, expect, it } from "vitest";
import { parseTalk } from "../../src/talk/parse.js";

const turns = [
  "**王明：** 我们先做了一个很小的版本，只给十个用户用，然后每周看他们怎么用。",
  "**李华：** 那你们怎么判断什么时候该扩大范围？",
  "**王明：** 当用户开始主动推荐给同事的时候，我们就知道可以扩大了。",
].join("\n\n");

describe("summary forms", () => {
  it("reads a numbered list set off as a callout, after a lead-in that ends in 以下几点", () => {
    const markdown = [
      "# 小团队怎么做产品",
      "",
      "> 摘录：本文是一次访谈的整理。",
      "他们提到了以下几点：",
      "> 1. 先做小版本。",
      "> 2. 每周看用户怎么用。",
      "> 3. 用户主动推荐时再扩大。",
      "",
      turns,
    ].join("\n");
    const talk = parseTalk(markdown, "callout.md");
    expect(talk.pointsFrom).toBe("summary");
    expect(talk.points.map((point) => point.lead)).toEqual([
      "先做小版本。",
      "每周看用户怎么用。",
      "用户主动推荐时再扩大。",
    ]);
  });

  it("reads every list of a summary section through its sub-headings, up to the next section", () => {
    const markdown = [
      "# Notes on shipping",
      "",
      "## Key takeaways",
      "",
      "### Scope",
      "",
      "- **Start small:** ten users first.",
      "- **Watch use:** every week.",
      "",
      "### Growth",
      "",
      "- **Grow on referrals:** when users invite colleagues.",
      "",
      "## Transcript",
      "",
      "- a list in the transcript is not a point",
      "",
      "**Ana:** We start small. Ten users, then we watch.",
      "",
      "**Ben:** When do you grow?",
      "",
      "**Ana:** When users invite their colleagues, we grow.",
    ].join("\n");
    const talk = parseTalk(markdown, "sections.md");
    expect(talk.points.map((point) => point.lead)).toEqual([
      "Start small",
      "Watch use",
      "Grow on referrals",
    ]);
  });
});
