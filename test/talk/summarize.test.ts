import { describe, expect, it } from "vitest";
import { cutAtTopicShifts } from "../../src/talk/cohesion.js";
import { splitSentences } from "../../src/talk/sentences.js";
import { derivePoints, mainSpeakers, type SpeechParagraph } from "../../src/talk/summarize.js";
import { contentWords } from "../../src/talk/words.js";

/** A host and a guest on three topics: batteries, then bicycles in cities, then remote teams. */
const english: SpeechParagraph[] = [
  [
    "Host",
    "Welcome back. Today we talk about batteries, cities and work. Why are batteries still so expensive?",
  ],
  [
    "Guest",
    "Battery cells are expensive because lithium and nickel are expensive. The cathode is most of the cost of a battery cell. Cheaper cathode chemistry will make every battery pack cheaper.",
  ],
  [
    "Guest",
    "Iron phosphate cells use no nickel at all. A battery pack built from iron phosphate cells costs less and lasts longer. Most new battery factories now make iron phosphate cells.",
  ],
  ["Host", "So the battery gets cheaper every year?"],
  [
    "Guest",
    "Battery prices fell ninety percent in ten years. Cheaper battery packs are why electric cars now cost the same as petrol cars.",
  ],
  ["Host", "Let us move on to cities. What should a mayor do about bicycles?"],
  [
    "Guest",
    "A mayor should build protected bicycle lanes before anything else. People ride bicycles when the lanes feel safe. Paint on the road does not make a lane safe for bicycles.",
  ],
  [
    "Guest",
    "Paris built hundreds of kilometres of protected bicycle lanes in five years. Bicycle trips in Paris doubled while the lanes were built. The city streets became quieter for everyone walking there.",
  ],
  ["Host", "Last topic: your company has no office. How do remote teams stay close?"],
  [
    "Guest",
    "Remote teams need written decisions more than meetings. We write every decision in a shared document so nobody has to be in the room. A remote team that writes things down can work across time zones.",
  ],
  [
    "Guest",
    "Once a year the whole remote team meets in person for a week. That week builds the trust that written documents cannot build. Remote work only works when people trust each other.",
  ],
].map(([speaker, text], index) => ({
  speaker: speaker ?? "",
  text: text ?? "",
  line: 10 + index * 2,
}));

/** One speaker on three topics: 电池成本, 城市自行车道, 远程团队. */
const chinese: SpeechParagraph[] = [
  "电池的成本主要来自正极材料。锂和镍的价格决定了电池电芯的价格。正极材料便宜了，电池包也就便宜了。",
  "磷酸铁锂电芯完全不用镍。用磷酸铁锂电芯做的电池包更便宜，寿命也更长。现在新建的电池工厂大多生产磷酸铁锂电芯。",
  "十年里电池价格下降了九成。电池包便宜了，电动汽车才能和燃油汽车一样便宜。",
  "城市要先修受保护的自行车道。自行车道让人觉得安全，市民才愿意骑自行车。只在马路上画线，并不能让自行车道变得安全。",
  "巴黎五年里修了几百公里受保护的自行车道。修建期间巴黎的自行车出行量翻了一倍。街道也因此变得更安静，步行的市民也受益。",
  "远程团队最需要的是书面决策，而不是会议。我们把每一个决策都写进共享文档，不在场的同事也能看到。习惯书面记录的远程团队可以跨时区协作。",
  "每年远程团队全员线下聚会一周。这一周建立的信任，是书面文档建立不了的。远程协作只有在同事彼此信任时才行得通。",
].map((text, index) => ({ text, line: 5 + index * 2, speaker: "王明" }));

const sentencesOf = (paragraphs: readonly SpeechParagraph[]) =>
  paragraphs.flatMap((paragraph) => splitSentences(paragraph.text));

/** The index (0, 1, 2) of the topic a line belongs to in a fixture. */
const topicAt = (line: number, starts: readonly number[]) =>
  starts.filter((start) => start <= line).length - 1;

describe("contentWords", () => {
  it("keeps content words: Latin lower-cased with plurals folded, Chinese by Intl.Segmenter", () => {
    expect(contentWords("The batteries are getting cheaper, and it's a good thing.")).toEqual([
      "battery",
      "cheaper",
      "good",
    ]);
    const words = contentWords("我们的电池成本是下降了");
    expect(words).toContain("电池");
    expect(words).toContain("成本");
    expect(words).not.toContain("我们");
    expect(words).not.toContain("的");
  });
});

describe("mainSpeakers", () => {
  it("leaves out a host whose turns end in questions", () => {
    expect([...mainSpeakers(english)]).toEqual(["Guest"]);
  });
});

describe("cutAtTopicShifts", () => {
  it("cuts where the vocabulary changes", () => {
    let paragraph = 0;
    const units = ["a b c", "a b c d", "a c d", "x y z", "x y w", "y z w"].map((text) => {
      const words = text.split(" ");
      return { paragraph: paragraph++, words, vector: new Map(words.map((w) => [w, 1])) };
    });
    const parts = cutAtTopicShifts(units, 2);
    expect(parts.map((part) => part.map((unit) => unit.paragraph))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});

describe("derivePoints by topic shifts", () => {
  it("finds the two shifts of an English interview, one point per topic", () => {
    const points = derivePoints([{ paragraphs: english }]);
    expect(points).toHaveLength(3);
    const starts = [10, 20, 26];
    expect(points.map((point) => topicAt(point.line, starts))).toEqual([0, 1, 2]);
    expect(points[0]?.lead).toMatch(/batter/i);
    expect(points[1]?.lead).toMatch(/bicycle/i);
    expect(points[2]?.lead).toMatch(/remote|trust|written/i);
  });

  it("leads and bodies are whole sentences of the guest, never questions, short enough for a slide", () => {
    const said = new Set(sentencesOf(english.filter((p) => p.speaker === "Guest")));
    for (const point of derivePoints([{ paragraphs: english }])) {
      expect(said).toContain(point.lead);
      expect(point.lead).not.toMatch(/\?$/);
      expect(point.lead.split(/\s+/).length).toBeLessThanOrEqual(30);
      const body = splitSentences(point.body);
      expect(body.length).toBeGreaterThanOrEqual(1);
      expect(body.length).toBeLessThanOrEqual(2);
      for (const sentence of body) expect(said).toContain(sentence);
    }
  });

  it("never leads with a question, even a central one", () => {
    const asking = english.map((paragraph) =>
      paragraph.speaker === "Host"
        ? {
            ...paragraph,
            speaker: "Guest",
            text: `${paragraph.text} Are battery cells and bicycle lanes and remote teams the future?`,
          }
        : paragraph,
    );
    for (const point of derivePoints([{ paragraphs: asking }])) {
      expect(point.lead).not.toMatch(/\?$/);
      expect(point.body).not.toMatch(/\?/);
    }
  });

  it("finds the shifts of a Chinese talk", () => {
    const points = derivePoints([{ paragraphs: chinese }]);
    expect(points).toHaveLength(3);
    expect(points.map((point) => topicAt(point.line, [5, 11, 15]))).toEqual([0, 1, 2]);
    const said = new Set(sentencesOf(chinese));
    for (const point of points) {
      expect(said).toContain(point.lead);
      expect(point.lead).not.toMatch(/[？?]$/);
      expect([...point.lead].length).toBeLessThanOrEqual(60);
    }
    expect(points[0]?.lead).toMatch(/电池/);
    expect(points[1]?.lead).toMatch(/自行车/);
    expect(points[2]?.lead).toMatch(/远程|信任|书面/);
  });

  it("never takes a plug, a courtesy or the host's words", () => {
    const plugged: SpeechParagraph[] = [
      {
        speaker: "Host",
        line: 1,
        text: "This episode is brought to you by Acme batteries. Go to acme.com for twenty percent off your battery order. Thanks for having us.",
      },
      ...english,
      {
        speaker: "Guest",
        line: 40,
        text: "Thank you so much, this was so fun. You can find my remote team writing at example.org.",
      },
    ];
    const texts = derivePoints([{ paragraphs: plugged }]).flatMap((point) => [
      point.lead,
      point.body,
    ]);
    expect(texts.join("\n")).not.toMatch(/Acme|example\.org|Thank/);
  });

  it("gives no points for a talk under a minute long", () => {
    expect(derivePoints([{ paragraphs: english.slice(0, 2) }])).toEqual([]);
  });

  it("takes a number of points when asked", () => {
    expect(derivePoints([{ paragraphs: english }], { points: 2 })).toHaveLength(2);
  });
});

describe("derivePoints by sections", () => {
  const sections = [
    { heading: "Cheaper batteries", line: 9, paragraphs: english.slice(0, 5) },
    { heading: "Safe bicycle lanes", line: 19, paragraphs: english.slice(5, 8) },
    { heading: "How do remote teams stay close?", line: 25, paragraphs: english.slice(8) },
  ];

  it("leads with a statement heading and its most central sentences as the body", () => {
    const points = derivePoints(sections);
    expect(points.map((point) => [point.n, point.lead, point.line])).toEqual([
      [1, "Cheaper batteries", 9],
      [2, "Safe bicycle lanes", 19],
      [3, expect.stringMatching(/remote|trust|written/i), expect.any(Number)],
    ]);
    expect(points[0]?.body).toMatch(/battery/i);
    expect(points[1]?.body).toMatch(/bicycle/i);
  });

  it("replaces a question heading with the section's most central statement", () => {
    const third = derivePoints(sections)[2];
    expect(third?.lead).not.toMatch(/\?/);
    expect(sentencesOf(english.slice(8))).toContain(third?.lead);
  });

  it("merges the most similar neighbours down to maxPoints", () => {
    const split = [
      { heading: "Battery cells", line: 9, paragraphs: english.slice(0, 2) },
      { heading: "Battery prices", line: 13, paragraphs: english.slice(2, 5) },
      ...sections.slice(1),
    ];
    const points = derivePoints(split, { maxPoints: 3 });
    expect(points.map((point) => point.lead)).toEqual([
      expect.stringMatching(/^Battery /),
      "Safe bicycle lanes",
      expect.stringMatching(/remote|trust|written/i),
    ]);
  });
});
