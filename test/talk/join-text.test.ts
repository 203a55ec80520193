import { describe, expect, it } from "vitest";
import { joinText } from "../../src/talk/text.js";

describe("joinText", () => {
  it("writes no space after CJK, also after a closing quote or bracket, and one after anything else", () => {
    expect(joinText("", "First.")).toBe("First.");
    expect(joinText("我们必须遵循科学。", "让科学决定。")).toBe("我们必须遵循科学。让科学决定。");
    expect(joinText("他说：“做科学允许的事情。”", "然后")).toBe("他说：“做科学允许的事情。”然后");
    expect(joinText("（见上文）", "然后")).toBe("（见上文）然后");
    expect(joinText("She said “yes.”", "Then")).toBe("She said “yes.” Then");
    expect(joinText("Wait…", "Then")).toBe("Wait… Then");
    expect(joinText("It works (mostly).", "Ship it")).toBe("It works (mostly). Ship it");
  });
});
