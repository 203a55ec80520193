import { describe, expect, it } from "vitest";
import type { Talk } from "../../src/talk/model.js";
import { fixtureTalk } from "../helpers/fixtures.js";

const names = (talk: Talk) => talk.speakers.map((speaker) => speaker.name);
const leads = (talk: Talk) => talk.points.map((point) => point.lead);
const quoteTexts = (talk: Talk) => talk.quotes.map((quote) => quote.text);
const allText = (talk: Talk) =>
  [...talk.turns.flatMap((turn) => turn.paragraphs), ...leads(talk), ...quoteTexts(talk)].join(
    "\n",
  );

describe("speaker labels", () => {
  it("**Name**： and **Name** ： (colon outside the bold)", () => {
    const talk = fixtureTalk("label-colon-outside.zh.md");
    expect(names(talk)).toEqual(["张三", "李四"]);
    expect(talk.turns.map((turn) => turn.speaker)).toEqual(["张三", "李四", "张三", "李四"]);
    expect(talk.turns[3]?.paragraphs).toHaveLength(2);
    expect(quoteTexts(talk)).toEqual(
      expect.arrayContaining([
        "我学到的第一件事是，现金流比估值重要得多。",
        "一个错误的早期员工，会拖慢整个团队半年。",
      ]),
    );
  });

  it("plain 奥特曼： labels, mapped to the full names the intro gives", () => {
    const talk = fixtureTalk("label-plain.zh.md");
    expect(names(talk)).toEqual(["莱克斯·弗里德曼", "萨姆·奥特曼"]);
    expect(talk.speakers[1]?.aliases).toContain("奥特曼");
    expect(talk.turns).toHaveLength(4);
    expect(talk.quotes[0]?.speaker).toBe("萨姆·奥特曼");
  });

  it("**Name:** with or without a space, and joint speakers", () => {
    const talk = fixtureTalk("label-english-colon.en.md");
    expect(names(talk)).toEqual(["Lex", "Sam", "Erik & Barry"]);
    expect(talk.turns[1]?.paragraphs[0]).toMatch(/^Honestly, the hardest part/);
    const quote = talk.quotes.find((candidate) => candidate.text.startsWith("Your first users"));
    expect(quote?.speaker).toBe("Erik & Barry");
  });

  it("Name (00:04:30): alone on a line, the speech below it", () => {
    const talk = fixtureTalk("label-timestamp.en.md");
    expect(names(talk)).toEqual(["Lex Fridman", "Jane Doe"]);
    expect(talk.turns.map((turn) => turn.paragraphs[0])).toEqual([
      "Welcome to the show, Jane.",
      expect.stringMatching(/^Thanks for having me\. Robots will enter homes/),
      "Why the kitchen?",
      expect.stringMatching(/^Because cooking is repetitive/),
    ]);
  });

  it("plain Name: text, with continuation paragraphs kept in the turn", () => {
    const talk = fixtureTalk("label-plain-english.en.md");
    expect(names(talk)).toEqual(["Host", "Guest"]);
    expect(talk.turns).toHaveLength(4);
    expect(talk.turns[3]?.paragraphs).toEqual([
      "Pick one critical table and write down who owns it.",
      "Most teams never get past this step, and that is fine.",
    ]);
  });

  it("a single speaker named in the front matter", () => {
    const talk = fixtureTalk("single-speaker-frontmatter.en.md");
    expect(names(talk)).toEqual(["Jane Doe"]);
    expect(talk.turns).toHaveLength(1);
    expect(talk.turns[0]?.paragraphs).toHaveLength(5);
    expect(talk.notes.join("\n")).not.toContain("from the title");
    expect(quoteTexts(talk)).not.toContain("Would you rather manage people or ship products?");
  });

  it("a single speaker taken from the title, and said so", () => {
    const talk = fixtureTalk("single-speaker-title.en.md");
    expect(names(talk)).toEqual(["Jane Doe"]);
    expect(talk.notes).toContain(
      "no speaker labels found: the talk is taken as Jane Doe's, from the title",
    );
    expect(talk.quotes[0]?.speaker).toBe("Jane Doe");
  });

  it("short names mapped by the front matter and by a bio", () => {
    const talk = fixtureTalk("speakers-aliases.zh.md");
    expect(names(talk)).toEqual(["凯文·韦尔", "萨姆·奥特曼"]);
    expect(talk.speakers[1]).toMatchObject({
      title: "OpenAI首席执行官",
      aliases: ["Sam Altman", "奥特曼"],
    });
  });
});

describe("summaries", () => {
  it("bullets of plain sentences after 一些有意思的点：", () => {
    expect(leads(fixtureTalk("summary-bullets.zh.md"))).toEqual([
      "模型能力每三个月就会刷新一次。",
      "好的AI产品要为明天的模型设计。",
      "用户的耐心比我们想象的要少。",
    ]);
  });

  it("①②③④ paragraphs after 丨划重点", () => {
    const talk = fixtureTalk("summary-circled.zh.md");
    expect(leads(talk)).toEqual([
      "加速计算是下一个十年的基础设施。",
      "每个国家都需要自己的主权AI。",
      "数据中心正在变成AI工厂。",
      "机器人是AI的下一个浪潮。",
    ]);
    expect(names(talk)).toEqual(["主持人", "黄仁勋"]);
  });

  it("a numbered list inside the front matter's description", () => {
    const talk = fixtureTalk("summary-frontmatter.en.md");
    expect(leads(talk)).toEqual([
      "Why scaling laws held for a decade",
      "Where data runs out",
      "What comes after pre-training",
    ]);
    expect(talk.notes).toContain("points taken from the front matter's description");
  });

  it("chapter lines with time ranges", () => {
    const talk = fixtureTalk("summary-chapters.en.md");
    expect(talk.points.map((point) => [point.lead, point.body])).toEqual([
      ["Introduction", "0:00–1:55"],
      ["Why chips are hard", "1:55–9:25"],
      ["The memory wall", "9:25–18:40"],
      ["What startups can do", "18:40–31:02"],
    ]);
  });

  it("a ## Summary of prose, a point per sentence", () => {
    expect(leads(fixtureTalk("summary-prose.en.md"))).toEqual([
      "Robots are leaving factories for warehouses and homes.",
      "Cheap sensors and foundation models changed the economics.",
      "The hardest problems left are dexterity and safety around people.",
    ]);
  });

  it("none at all: the section headings, and a note saying so", () => {
    const talk = fixtureTalk("summary-none.en.md");
    expect(talk.points.map((point) => [point.lead, point.body])).toEqual([
      [
        "Why design systems fail",
        "Teams build components nobody asked for and then wonder why adoption stalls.",
      ],
      ["Start with the audit", "List every button in production before you design a new one."],
      [
        "Measure adoption",
        "Track how many screens use the system, not how many components it has.",
      ],
    ]);
    expect(talk.notes).toContain(
      "no summary list found: 3 points derived from the talk (by its headings)",
    );
  });
});

describe("headings", () => {
  it("setext underlines", () => {
    const talk = fixtureTalk("headings-setext.en.md");
    expect(talk.meta.title).toBe("The Economics of Open Models");
    expect(leads(talk)).toEqual([
      "Open weights lower the floor",
      "Closed models raise the ceiling",
    ]);
    expect(names(talk)).toEqual(["Host", "Guest"]);
  });

  it("bold-only paragraphs, ****…****, **01** markers and a heading split over two bold paragraphs", () => {
    const talk = fixtureTalk("headings-bold.zh.md");
    expect(leads(talk)).toEqual(["01 算力的边界", "02 存储墙", "为什么AI需要新的芯片架构"]);
    expect(quoteTexts(talk)).not.toContain("为什么AI需要新的芯片架构");
    expect(quoteTexts(talk)).toEqual(
      expect.arrayContaining(["摩尔定律放缓了，但算力需求没有放缓。"]),
    );
    expect(talk.turns).toHaveLength(5);
  });
});

describe("noise", () => {
  it("never becomes a point, a turn's text or a quote", () => {
    const talk = fixtureTalk("noise-wechat.zh.md");
    expect(names(talk)).toEqual(["主持人", "创始人"]);
    expect(talk.turns.map((turn) => turn.paragraphs.join(" "))).toEqual([
      "你为什么选择这个方向？",
      "因为没人愿意做。难的事情才有壁垒。",
      "你怎么看 #AI 热潮？",
      "热潮会退，价值会留下。",
    ]);
    expect(allText(talk)).not.toMatch(
      /关注|原创内容|公众号|跳转到|laughter|unintelligible|04:06|YouTube|推荐阅读|另一篇|banner/,
    );
  });
});

describe("quote candidates where nothing is bold", () => {
  it("ranks the speaker's own self-contained sentences, never filler, sponsors, questions or the host", () => {
    const talk = fixtureTalk("quotes-unbolded.en.md");
    const top = talk.quotes.slice(0, 6).map((quote) => quote.text);
    expect(top).toEqual(
      expect.arrayContaining([
        "We watch what users do, not what they say.",
        "Users will tell you they want a faster horse, but they will show you where the road is broken.",
        "Don't hire people who agree with you.",
      ]),
    );
    for (const quote of talk.quotes) {
      expect(quote.speaker).toBe("Maya Chen");
      expect(quote.text).not.toMatch(/\?$|Acme|code|um,|you know|kind of|great to be here/i);
      expect(quote.why.length).toBeGreaterThan(0);
    }
    // Every sentence is a candidate; one that leans on the one before is not among the best.
    for (const text of top) expect(text).not.toMatch(/^That's why/);
  });

  it("keeps a sentence said twice once, at the turn where it is said in full", () => {
    const talk = fixtureTalk("quotes-unbolded.en.md");
    const said = talk.quotes.find((quote) => quote.text.startsWith("The best products are built"));
    const repeated = talk.quotes.filter((quote) => quote.text === said?.text);
    expect(repeated).toHaveLength(1);
    expect(talk.turns[repeated[0]?.turn ?? 0]?.paragraphs[0]).toMatch(/We shipped too late/);
  });
});

describe("a file talkdeck does not recognise", () => {
  it("parses with notes naming what is missing, and no crash", () => {
    const talk = fixtureTalk("unrecognized.md");
    expect(talk.turns).toEqual([]);
    expect(talk.points).toEqual([]);
    expect(talk.notes).toEqual([
      "no speaker labels found and none named: add `speakers: [Name]` to the front matter",
      "no summary list and no section headings found: the deck has no point slides",
    ]);
  });
});

describe("the sample", () => {
  it("picks, with quotes: auto 6, the lines an editor would", () => {
    const talk = fixtureTalk("devday-2024-fireside.zh.md");
    const top = talk.quotes.slice(0, 6);
    // The editor's bold lines come first; the order among them is the fitted ranker's.
    for (const quote of top)
      expect(quote.why.some((reason) => reason.startsWith("bold in the transcript"))).toBe(true);
    expect(top.map((quote) => quote.text.slice(0, 8))).toEqual(
      expect.arrayContaining(["弄清楚那个边界真", "我们想找到一些我"]),
    );
  });
});
