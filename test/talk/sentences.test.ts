import { describe, expect, it } from "vitest";
import { sentenceSpans, splitSentences } from "../../src/talk/sentences.js";

describe("sentences", () => {
  it("keeps abbreviations and decimals inside a sentence", () => {
    expect(splitSentences("The U.S. market is huge. We grew 3.5 times. Mr. Lee agreed.")).toEqual([
      "The U.S. market is huge.",
      "We grew 3.5 times.",
      "Mr. Lee agreed.",
    ]);
  });

  it("does not end a sentence after a title before a name", () => {
    expect(splitSentences("Dr. Smith said no. Then he left.")).toEqual([
      "Dr. Smith said no.",
      "Then he left.",
    ]);
    expect(splitSentences("Mr. Altman spoke first. Ms. Murati followed.")).toEqual([
      "Mr. Altman spoke first.",
      "Ms. Murati followed.",
    ]);
    expect(splitSentences("It's Monty Python meets Dr. Seuss, truly.")).toEqual([
      "It's Monty Python meets Dr. Seuss, truly.",
    ]);
  });

  it("does not end a sentence after e.g., i.e. or an initialism", () => {
    expect(splitSentences("Use a small model, e.g. this one. Or not.")).toEqual([
      "Use a small model, e.g. this one.",
      "Or not.",
    ]);
    expect(splitSentences("Pick a language, e.g. Python, and ship.")).toEqual([
      "Pick a language, e.g. Python, and ship.",
    ]);
    expect(splitSentences("The U.S. Congress passed it. J. R. R. Tolkien wrote it.")).toEqual([
      "The U.S. Congress passed it.",
      "J. R. R. Tolkien wrote it.",
    ]);
    expect(splitSentences("Outside the U.K. people imagine it.")).toEqual([
      "Outside the U.K. people imagine it.",
    ]);
  });

  it("keeps numbers whole and ends a sentence at No. when it is the answer", () => {
    expect(splitSentences("We sold 3.5 million units. It grew.")).toEqual([
      "We sold 3.5 million units.",
      "It grew.",
    ]);
    expect(splitSentences("No. And I mean it.")).toEqual(["No.", "And I mean it."]);
    expect(splitSentences("No. 5 is the one. Yes.")).toEqual(["No. 5 is the one.", "Yes."]);
  });

  it("ends a sentence after a closing quote, not inside the quotation", () => {
    expect(splitSentences('Waller said, "no, I don\'t believe it." And Waller was right.')).toEqual(
      ['Waller said, "no, I don\'t believe it."', "And Waller was right."],
    );
    expect(splitSentences("He said, “Stop.” Then he left.")).toEqual([
      "He said, “Stop.”",
      "Then he left.",
    ]);
    expect(splitSentences('如果你问"你喜欢与 ChatBot 互动吗？"，可能没人说"是"。')).toEqual([
      '如果你问"你喜欢与 ChatBot 互动吗？"，可能没人说"是"。',
    ]);
  });

  it("goes on before a lowercase word after an abbreviation, not after a plain word", () => {
    expect(splitSentences("The iPad, OS X Mountain Lion, etc. which are simpler.")).toEqual([
      "The iPad, OS X Mountain Lion, etc. which are simpler.",
    ]);
    expect(
      splitSentences("It costs approx. fifty dollars. Progress is painful... but fine."),
    ).toEqual(["It costs approx. fifty dollars.", "Progress is painful... but fine."]);
    expect(splitSentences("It had a handful of contributors. curl of today is huge.")).toEqual([
      "It had a handful of contributors.",
      "curl of today is huge.",
    ]);
  });

  it("ends a sentence at etc. before a capital, and before an ellipsis that picks up a line", () => {
    expect(splitSentences("To advertising, to marketing, etc. These are powerful forces.")).toEqual(
      ["To advertising, to marketing, etc.", "These are powerful forces."],
    );
    expect(splitSentences("What excites you? ...both Beth and Ronak. Go… Fine.")).toEqual([
      "What excites you?",
      "...both Beth and Ronak.",
      "Go…",
      "Fine.",
    ]);
  });

  it("goes on after an ellipsis inside an English sentence, ends it before a capital", () => {
    expect(splitSentences("I think… maybe not. OK.")).toEqual(["I think… maybe not.", "OK."]);
    expect(splitSentences("He paused… Then he left.")).toEqual(["He paused…", "Then he left."]);
  });

  it("ends Chinese sentences at 。！？, keeps closing quotes with them, and splits at ellipses and lines", () => {
    expect(splitSentences("我不同意。他说：“我们要做。”然后呢？好的……还有一件事\n第二行")).toEqual([
      "我不同意。",
      "他说：“我们要做。”",
      "然后呢？",
      "好的……",
      "还有一件事",
      "第二行",
    ]);
    expect(splitSentences("他说：“我们要做……。”然后走了。")).toEqual([
      "他说：“我们要做……。”",
      "然后走了。",
    ]);
    expect(splitSentences("这很重要！！我们必须做？！好。")).toEqual([
      "这很重要！！",
      "我们必须做？！",
      "好。",
    ]);
  });

  it("starts a sentence with the quote or bracket that opens it", () => {
    expect(splitSentences("他说完了。“下一句。”然后走了。")).toEqual([
      "他说完了。",
      "“下一句。”",
      "然后走了。",
    ]);
    expect(splitSentences("做完了。（笑着说）然后呢？「好。」")).toEqual([
      "做完了。",
      "（笑着说）然后呢？",
      "「好。」",
    ]);
    expect(splitSentences('他说完了。"下一句。"然后。他说："好。"对。')).toEqual([
      "他说完了。",
      '"下一句。"',
      "然后。",
      '他说："好。"',
      "对。",
    ]);
  });

  it("reads Chinese with English inside", () => {
    expect(splitSentences("我们用了GPT-4o。It works. Really well! 然后呢？好的")).toEqual([
      "我们用了GPT-4o。",
      "It works.",
      "Really well!",
      "然后呢？",
      "好的",
    ]);
    expect(
      splitSentences('OpenAI的CEO Sam Altman说: "We are here." 然后大家鼓掌。Mr. Altman笑了。'),
    ).toEqual(['OpenAI的CEO Sam Altman说: "We are here."', "然后大家鼓掌。", "Mr. Altman笑了。"]);
  });

  it("gives each sentence's place in the paragraph", () => {
    const text = "First one here. Second one there.\n“第三句。”（第四句。）Dr. Who? Yes…";
    const spans = sentenceSpans(text);
    expect(spans.map((span) => span.text)).toEqual([
      "First one here.",
      "Second one there.",
      "“第三句。”",
      "（第四句。）",
      "Dr. Who?",
      "Yes…",
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});
