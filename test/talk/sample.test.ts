import { beforeAll, describe, expect, it } from "vitest";
import type { Talk } from "../../src/talk/model.js";
import { parseTalk } from "../../src/talk/parse.js";
import { fixtureSource, fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";

let talk: Talk;

beforeAll(() => {
  talk = fixtureTalk(samplePath);
});

describe("the sample talk's header", () => {
  it("reads the title, author, date, place and links", () => {
    expect(talk.meta.title).toBe(
      "奥特曼和凯文韦尔在OpenAI DevDay炉边谈话：AI代理主要障碍是安全和对齐问题，科学决定了公司研究方向和产品构建",
    );
    expect(talk.meta.author).toBe("瓜哥AI新知");
    expect(talk.meta.date).toBe("2024-12-18");
    expect(talk.meta.time).toBe("09:27");
    expect(talk.meta.place).toBe("浙江");
    expect(talk.meta.sourceUrl).toMatch(
      /^http:\/\/mp\.weixin\.qq\.com\/s\?__biz=MzA5NTU4NDM2MA==&mid=2650005726/,
    );
    expect(talk.meta.originalUrl).toBe("https://www.youtube.com/watch?v=eaS0omKFZhQ");
    expect(talk.meta.coverUrl).toMatch(/^https:\/\/mmbiz\.qpic\.cn\//);
    expect(talk.meta.lang).toBe("zh");
  });
});

describe("the 内容提要 summary", () => {
  it("has the 12 points with bold leads split from their bodies", () => {
    expect(talk.points.map((point) => point.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(talk.points[0]?.lead).toBe("AGI 的发展路径");
    expect(talk.points[0]?.body).toMatch(/^AGI 不再是一个二元事件/);
    expect(talk.points[11]?.lead).toBe("用户体验的未来");
    expect(talk.points[11]?.body).toMatch(/^OpenAI 正在积极探索新的交互方式/);
    for (const point of talk.points) {
      expect(point.lead).not.toMatch(/[:：*]/);
      expect(point.body).not.toMatch(/^\s|\*\*/);
    }
  });
});

describe("speakers and turns", () => {
  it("finds Altman and Weil with their bios, and the audience", () => {
    const byName = new Map(talk.speakers.map((speaker) => [speaker.name, speaker]));
    expect([...byName.keys()].sort()).toEqual(["凯文·韦尔", "现场提问者", "萨姆·奥特曼"].sort());
    expect(byName.get("萨姆·奥特曼")?.bio).toMatch(
      /^萨姆·奥特曼（Sam Altman）是OpenAI的首席执行官/,
    );
    expect(byName.get("萨姆·奥特曼")?.aliases).toEqual(["Sam Altman"]);
    expect(byName.get("凯文·韦尔")?.bio).toMatch(/^凯文·韦尔（Kevin Weil）现任OpenAI首席产品官/);
    expect(byName.get("现场提问者")?.role).toBe("audience");
    expect(byName.get("萨姆·奥特曼")?.role).toBe("speaker");
  });

  it("gives audience questions to the audience, not to Altman or Weil", () => {
    const audienceTurns = talk.turns.filter((turn) => turn.speaker === "现场提问者");
    expect(audienceTurns.length).toBe(7);
    expect(audienceTurns[0]?.paragraphs[0]).toBe(
      "你们公司内部有自己的技术吗？有没有一些不那么显而易见的有趣例子？",
    );
    const opensource = talk.turns.find((turn) =>
      turn.paragraphs.some((p) => p.includes("你们对开源有什么看法")),
    );
    expect(opensource?.speaker).toBe("现场提问者");
  });

  it("starts with Weil, keeps continuation paragraphs in the turn, and ends before the noise", () => {
    expect(talk.turns[0]?.speaker).toBe("凯文·韦尔");
    expect(talk.turns[0]?.paragraphs).toHaveLength(2);
    expect(talk.turns[0]?.line).toBe(46);
    const last = talk.turns.at(-1);
    expect(last?.paragraphs.at(-1)).toBe(
      "太棒了。谢谢。这是一个很棒的结尾问题。我想我们的时间到了。非常感谢大家来参加开发者日。谢谢。好的。我们迫不及待地想看看大家构建的东西。",
    );
  });

  it("joins clipped lines the CJK way", () => {
    const weil = talk.speakers.find((speaker) => speaker.name === "凯文·韦尔");
    expect(weil?.bio).toContain("凯文·韦尔（Kevin Weil）");
    const turn = talk.turns.find((t) => t.paragraphs.some((p) => p.includes("提前 60")));
    expect(turn?.paragraphs.join("")).toContain("提前 60天收到通知");
  });
});

describe("quote candidates", () => {
  it("finds at least 15 bold sentences from turns", () => {
    expect(talk.quotes.length).toBeGreaterThanOrEqual(15);
    for (const quote of talk.quotes) {
      expect(quote.id).toMatch(/^q-[0-9a-f]{4}(-[0-9a-f]{4,})?$/);
      expect(talk.turns[quote.turn]?.speaker).toBe(quote.speaker);
    }
    expect(new Set(talk.quotes.map((quote) => quote.id)).size).toBe(talk.quotes.length);
  });

  it("attributes quotes to the right speaker", () => {
    const find = (start: string) => talk.quotes.find((quote) => quote.text.startsWith(start));
    expect(find("你想要为AI模型勉强做不到的事情构建")?.speaker).toBe("凯文·韦尔");
    expect(find("简单来说，我们用1级表示聊天机器人")?.speaker).toBe("萨姆·奥特曼");
    expect(find("简单来说，我们用1级表示聊天机器人")?.line).toBe(54);
  });

  it("reads a bold span broken before its closing punctuation as one clean sentence", () => {
    const texts = talk.quotes.map((quote) => quote.text);
    expect(texts).toContain("即使在公司内部，我们也不总是能把握全局。");
    expect(texts).toContain("做科学允许的事情，而你不能选择科学允许什么。");
    expect(texts).toContain("在我们历史的某个时期，正确的事情只是扩大计算规模");
    for (const text of texts) {
      expect(text).not.toMatch(/\n|\*\*|^[，。、\s]|[，、\s]$/);
    }
  });

  it("never takes a speaker label, an emphasised term, a question or noise", () => {
    const texts = talk.quotes.map((quote) => quote.text);
    expect(texts.some((text) => /^(凯文·韦尔|萨姆·奥特曼|现场提问者)[:：]?$/.test(text))).toBe(
      false,
    );
    expect(texts).not.toContain("假阳性");
    expect(texts.some((text) => /[？?]$/.test(text))).toBe(false);
    expect(texts.some((text) => /关注公众号|设🌟标|往期精选|https?:/.test(text))).toBe(false);
  });

  it("derives ids from the text, so an edit elsewhere keeps them", () => {
    const source = fixtureSource(samplePath);
    const edited = source.body.replace(
      "大家好吗？很高兴见到大家",
      "大家好！今天很高兴见到大家，多谢。",
    );
    const again = parseTalk(`\n\n${edited}`, samplePath);
    const before = new Map(talk.quotes.map((quote) => [quote.text, quote.id]));
    for (const quote of again.quotes) expect(quote.id).toBe(before.get(quote.text));
  });
});

describe("noise", () => {
  it("never reaches a point, a turn or a quote", () => {
    const everything = [
      ...talk.points.flatMap((point) => [point.lead, point.body]),
      ...talk.turns.flatMap((turn) => turn.paragraphs),
      ...talk.quotes.map((quote) => quote.text),
    ].join("\n");
    expect(everything).not.toMatch(/关注公众号|往期精选|黄仁勋专访|mmbiz\.qpic\.cn|\.jpeg|wx_fmt/);
  });
});
