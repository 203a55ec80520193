import { describe, expect, it } from "vitest";
import type { Talk, TalkHints } from "../../src/talk/model.js";
import { parseTalk } from "../../src/talk/parse.js";

/** Short invented write-ups, one per structure real files use; no front matter (hints stand in for it). */
const parse = (text: string, hints: TalkHints = {}, file = "talks/fixture.md"): Talk =>
  parseTalk(text.replace(/^\n/, ""), file, hints);

const names = (talk: Talk) => talk.speakers.map((speaker) => speaker.name);
const bySpeaker = (talk: Talk) =>
  talk.turns.map((turn) => [turn.speaker, turn.paragraphs.join(" ")] as const);
const speaker = (talk: Talk, name: string) => talk.speakers.find((entry) => entry.name === name);
const allTurnText = (talk: Talk) => talk.turns.flatMap((turn) => turn.paragraphs).join("\n");

describe("labels in every form", () => {
  it("reads a programme's label with the bold broken around its colon, and makes it the host", () => {
    const talk = parse(`
# 和王小明聊机器人

**《早班车》：** 你为什么做机器人？

**王小明：** 因为它们终于能进家门了。

**《早班车》** **：** 最难的是什么？

**王小明：** 让它们便宜。

**《早班车》****：** 多久能做到？

**王小明：** 五年。
`);
    expect(names(talk)).toEqual(["《早班车》", "王小明"]);
    expect(talk.turns.map((turn) => turn.speaker)).toEqual([
      "《早班车》",
      "王小明",
      "《早班车》",
      "王小明",
      "《早班车》",
      "王小明",
    ]);
    expect(talk.turns[4]?.paragraphs).toEqual(["多久能做到？"]);
    expect(speaker(talk, "《早班车》")?.host).toBe(true);
    expect(speaker(talk, "王小明")?.host).toBe(false);
  });

  it("a question bold throughout, label inside, is the host's turn; a plain label answers", () => {
    const talk = parse(`
# 对话 Acme 李四：产品要慢慢做

**《周刊》：你们怎么定价？**

李四：按用量。我们不想让小团队付不起。

**《周刊》：为什么？**

李四：因为小团队会长大。
`);
    expect(bySpeaker(talk)).toEqual([
      ["《周刊》", "你们怎么定价？"],
      ["李四", "按用量。我们不想让小团队付不起。"],
      ["《周刊》", "为什么？"],
      ["李四", "因为小团队会长大。"],
    ]);
  });

  it("labels alone on their line, with a timestamp, and a bare timestamp that goes on", () => {
    const talk = parse(`
Jane Roe (00:00:10):
Welcome back to the show.

(00:00:30):
This week's episode is brought to you by nobody.

John Doe (00:01:00):
Thanks for having me. Small teams win by shipping.
`);
    expect(bySpeaker(talk)).toEqual([
      ["Jane Roe", "Welcome back to the show. This week's episode is brought to you by nobody."],
      ["John Doe", "Thanks for having me. Small teams win by shipping."],
    ]);
  });

  it("a bold lead inside an answer (`**视频模型**：…`) or a date line is not a speaker", () => {
    const talk = parse(`
# 访谈

**日期：** 2024 年 5 月 1 日

**主持人：** 机会在哪里？

**赵六：** 有三点。

**视频和多模态模型**：未来远不止文本。

**主持人：** 还有呢？

**赵六：** 成本。
`);
    expect(names(talk)).toEqual(["主持人", "赵六"]);
    expect(talk.turns[1]?.paragraphs).toEqual(["有三点。", "视频和多模态模型：未来远不止文本。"]);
  });

  it("one label on the first paragraph, then unlabelled paragraphs: one speaker", () => {
    const talk = parse(`
**Ana Lima:** Welcome to another solo episode. This is Ana Lima.

My co-host is away this week, so it is just me.

\\[03:10\\] Let us talk about the history of search.
`);
    expect(names(talk)).toEqual(["Ana Lima"]);
    expect(talk.turns[0]?.paragraphs).toHaveLength(3);
    expect(talk.turns[0]?.paragraphs[2]).toBe("Let us talk about the history of search.");
    expect(speaker(talk, "Ana Lima")?.host).toBe(false);
  });
});

describe("full names behind short labels", () => {
  it("surnames take the full name the first labels give", () => {
    const talk = parse(`
**Mary Stone**: Hello, and welcome.

**Omar Reyes**: Glad to be here.

**Stone**: What worries you?

**Reyes**: Prices. It is more like a thermostat than a switch.
`);
    expect(names(talk)).toEqual(["Mary Stone", "Omar Reyes"]);
    expect(speaker(talk, "Omar Reyes")?.aliases).toContain("Reyes");
  });

  it("initials take the full name a label gave once (`CA:` for Chris Ames)", () => {
    const talk = parse(`
Chris Ames: How do you square that?

Lena De Vries: I think you do not have to.

CA: Really?

LV: Really. Winning is not the only story.

CA: Lena De Vries.
`);
    expect(names(talk)).toEqual(["Chris Ames", "Lena De Vries"]);
    expect(speaker(talk, "Chris Ames")?.aliases).toContain("CA");
    expect(speaker(talk, "Lena De Vries")?.aliases).toContain("LV");
  });

  it("a role label takes the name the lead gives the interviewer", () => {
    const talk = parse(`
# 钱七最新访谈：算力会更便宜

钱七出席金融周活动，并与前某报记者Nora Hale做现场对谈。

**主持人：您最近在做什么？**

**钱七：** 我们在建云。

**主持人：成本会降吗？**

**钱七：** 会降一百万倍。
`);
    expect(names(talk)).toEqual(["Nora Hale", "钱七"]);
    expect(speaker(talk, "Nora Hale")).toMatchObject({ aliases: ["主持人"], host: true });
  });

  it("a guest labelled by a nickname takes the name the title gives (对话X)", () => {
    const talk = parse(`
# 对话孙九：别急着做平台｜某某会客室

**某某** ：你怎么看开源？

**白衣先生** ：开源是对的方向。

**某某** ：那闭源呢？

**白衣先生** ：也是一种商业选择。
`);
    expect(names(talk)).toEqual(["某某", "孙九"]);
    expect(speaker(talk, "孙九")?.aliases).toContain("白衣先生");
    expect(speaker(talk, "某某")?.host).toBe(true);
  });

  it("a bilingual write-up: the turns in the document's language; a bracket links the names", () => {
    const talk = parse(`
与周八的访谈

**汤姆·李：** 开源成功了吗？

**周八：** 开源的成功是唯一没有让我惊讶的事情。

**汤姆：** 为什么？

**周八：** 因为用户自己会改代码。

## 要点回顾

本文是对周八（Ben Zhou）的访谈，由汤姆·李（Tom Lee）采访。

## 原文

**Tom Lee: Has open source succeeded?**

Ben: The success of open source is the only thing that did not surprise me.
`);
    expect(talk.meta.title).toBe("与周八的访谈");
    expect(names(talk)).toEqual(["汤姆·李", "周八"]);
    expect(speaker(talk, "周八")?.aliases).toContain("Ben Zhou");
    expect(speaker(talk, "汤姆·李")?.aliases).toEqual(expect.arrayContaining(["汤姆", "Tom Lee"]));
    expect(allTurnText(talk)).not.toMatch(/surprise|本文是/);
  });
});

describe("titles", () => {
  it("a file without a title is named by its file, not by a first question heading", () => {
    const talk = parse(
      `
### What project do you maintain?

A small HTTP library.
`,
      {},
      "talks/ada-interview.md",
    );
    expect(talk.meta.title).toBe("ada-interview");
  });

  it("the front matter's title where the text has none; a first plain line where there is none", () => {
    expect(parse("### Why?\n\nBecause.\n", { title: "Ada Byron" }).meta.title).toBe("Ada Byron");
    expect(parse("某某演讲阅读版\n\n**概述**\n\n他讲了三件事。\n").meta.title).toBe(
      "某某演讲阅读版",
    );
  });
});

describe("single-speaker talks", () => {
  it("a written Q&A: questions are headings, the one speaker is the front matter's title person", () => {
    const talk = parse(
      `
### What project do you maintain?

A small HTTP library. I started it
to fetch exchange rates.

### When do you work best?

At night, when the house is quiet.
`,
      { title: "Ada Byron" },
    );
    expect(names(talk)).toEqual(["Ada Byron"]);
    expect(talk.turns[0]?.paragraphs).toEqual([
      "A small HTTP library. I started it to fetch exchange rates.",
      "At night, when the house is quiet.",
    ]);
    expect(speaker(talk, "Ada Byron")?.host).toBe(false);
  });

  it("notes of a keynote: a Presenter line names the speaker; summary, abstract and discussion are nobody's", () => {
    const talk = parse(`
**Presenter:** [[Rita Moreno Diaz]]

## Abstract

> Rita Moreno Diaz builds tools.

## Summary

* Tools change
* Do not fear change

## Notes

### From @someone

* "Not every step forward is progress."
* Skepticism is fine

## Discussion

Someone else thought the talk was too long.
`);
    expect(names(talk)).toEqual(["Rita Moreno Diaz"]);
    expect(talk.turns[0]?.paragraphs).toEqual([
      '"Not every step forward is progress."',
      "Skepticism is fine",
    ]);
  });

  it("notes in Chinese: the title opens with a dotted name the overview gives, with its other name", () => {
    const talk = parse(`
约翰史密斯哈佛毕业演讲笔记

**概述**

约翰·史密斯（John Smith）在毕业典礼上发表演讲。

**第一课：努力不是神话**

- 史密斯直言“没有毫不费力这回事”。
- 史密斯回忆了早年的失败。
`);
    expect(talk.meta.title).toBe("约翰史密斯哈佛毕业演讲笔记");
    expect(names(talk)).toEqual(["约翰·史密斯"]);
    expect(speaker(talk, "约翰·史密斯")?.aliases).toEqual(
      expect.arrayContaining(["John Smith", "史密斯"]),
    );
    expect(allTurnText(talk)).toContain("没有毫不费力这回事");
    expect(allTurnText(talk)).not.toContain("约翰史密斯哈佛毕业演讲笔记");
  });

  it("the journalist's lead before the talk's first section is not the speaker's", () => {
    const talk = parse(`
# 吴一最新演讲实录：模型的时代

**作者｜某记者**

吴一在上海做了一场演讲，他认为这是一次结构性变化。

好了，让我们来看看吴一怎么说。

**01 拐点**

我认识这个行业二十年了。今天的变化是结构性的。
`);
    expect(names(talk)).toEqual(["吴一"]);
    expect(talk.turns[0]?.paragraphs).toEqual(["我认识这个行业二十年了。今天的变化是结构性的。"]);
  });

  it("a talk followed by its Q&A: the talk before the first label is the answering speaker's", () => {
    const talk = parse(`
For me these crises happen
on a Sunday evening.

(Laughter)

A snob is anybody who takes
a small part of you and uses it
to come to a complete vision of who you are.
It&#39;s not that we are greedy.

Chris Ames: That was great. But how do you reconcile winners and losers?

Lena Ray: I think you can hold both.

CA: Do you believe that?

LR: The nightmare is that frightening people get ahead.

CA: Lena Ray.
`);
    expect(names(talk)).toEqual(["Lena Ray", "Chris Ames"]);
    expect(talk.turns[0]?.speaker).toBe("Lena Ray");
    expect(talk.turns[0]?.paragraphs).toEqual([
      "For me these crises happen on a Sunday evening.",
      "A snob is anybody who takes a small part of you and uses it to come to a complete vision of who you are. It's not that we are greedy.",
    ]);
    expect(speaker(talk, "Chris Ames")?.host).toBe(true);
  });
});

describe("who hosts", () => {
  it("the title names the guest: the others host, even when they make statements", () => {
    const talk = parse(`
# Talking With Omar Reyes

**Mary Stone**: Hello. The economy is strange this year, and I have views.

**Omar Reyes**: It is more like a thermostat.

**Stone**: I think rates will fall.

**Reyes**: Markets get it wrong sometimes.
`);
    expect(speaker(talk, "Mary Stone")?.host).toBe(true);
    expect(speaker(talk, "Omar Reyes")?.host).toBe(false);
    expect(talk.quotes.every((quote) => quote.speaker === "Omar Reyes")).toBe(true);
  });

  it("two hosts who ask, two guests who answer", () => {
    const turns = [
      "**Al Host:** Welcome. What shipped?",
      "**Gia Guest:** A new engine. It is fast.",
      "**Bo Host:** Why now?",
      "**Hal Guest:** Because users asked. Privacy matters to them.",
      "**Al Host:** Nice. That is a big release.",
      "**Gia Guest:** It is. We care about safety.",
      "**Bo Host:** I love that.",
      "**Hal Guest:** Thanks. We built what we use.",
      "**Al Host:** And extensions?",
      "**Gia Guest:** They are easy to port now.",
      "**Bo Host:** Great stuff.",
      "**Hal Guest:** Indeed.",
    ];
    const talk = parse(turns.join("\n\n"));
    expect(talk.speakers.filter((entry) => entry.host).map((entry) => entry.name)).toEqual([
      "Al Host",
      "Bo Host",
    ]);
  });
});

describe("what sits between a speaker's paragraphs", () => {
  it("captions, bylines, italic asides, glosses, account cards and the footer are nobody's words", () => {
    const talk = parse(`
# 对谈郑十：慢就是快

**编者按：** 这是一篇访谈。

**主持人：** 你怎么看速度？

**郑十：** 我们的标准是AI的「及格线」。速度不是一切。

及格线：指的是一个行业公认的最低标准。

△ 郑十在发布会上

![](https://example.com/a.png)

*编辑补充：案例请见后台。*

某某科技

12篇原创内容

公众号

慢一点，反而更快。

-END-

42章经

思考事物本质
`);
    expect(bySpeaker(talk)).toEqual([
      ["主持人", "你怎么看速度？"],
      ["郑十", "我们的标准是AI的「及格线」。速度不是一切。 慢一点，反而更快。"],
    ]);
  });
});
