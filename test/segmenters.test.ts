import { describe, expect, it } from "vitest";
import { segmenterFor } from "../src/segmenters.js";

describe("segmenters", () => {
  it("take a language tag ICU refuses (zh-yue, zh-cmn) as its primary language, never throwing", () => {
    expect(() => new Intl.Segmenter("zh-yue")).toThrow(RangeError);
    for (const lang of ["zh-yue", "zh-cmn", "zh-TW-hant", "zh", "en", "x-unknown"]) {
      const words = [...segmenterFor(lang, "word").segment("我们必须遵循科学")].map(
        (s) => s.segment,
      );
      expect(words.join("")).toBe("我们必须遵循科学");
    }
    expect(segmenterFor("zh-yue", "sentence")).toBe(segmenterFor("zh-yue", "sentence"));
  });
});
