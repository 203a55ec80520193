import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/talk/markdown.js";
import { findPoints } from "../../src/talk/points.js";
import { promoteBoldHeadings } from "../../src/talk/pseudo-headings.js";
import { sectionBlocks } from "../../src/talk/sections.js";
import { splitSentences } from "../../src/talk/sentences.js";
import type { SpeechParagraph } from "../../src/talk/summarize.js";

function blocksOf(markdown: string) {
  const tree = parseMarkdown(markdown);
  return sectionBlocks(promoteBoldHeadings(tree.children));
}

/** The paragraphs of a labelled transcript (`Name: text`), as the turns would give them. */
function speechOf(markdown: string): SpeechParagraph[] {
  return markdown.split("\n").flatMap((text, index) => {
    const match = /^(Ana|Ben|Host): (.+)$/.exec(text);
    return match?.[1] && match[2] ? [{ speaker: match[1], text: match[2], line: index + 1 }] : [];
  });
}

const sectioned = `# Building a small bakery

**Founder Park**

A banner for the account that published this.

## 01

## Why bread first

Host: Why did you start with bread and not with cakes?

Ana: Bread is what people buy every single day. A bakery that sells good bread sees the same customers every morning. Cakes are bought twice a year, bread twice a week.

Ana: Our sourdough bread takes two days to make. The long fermentation gives the bread its flavour and keeps it fresh for a week.

## What about the rent?

Host: The rent in the old town must be high. How do you pay it?

Ana: We pay the rent with wholesale orders. Three cafés buy our bread every morning before the shop opens. The wholesale orders cover the rent of the shop in the old town.

Ana: Without the wholesale cafés we would have closed in the first winter.

## Hiring bakers

Host: Who works the night shift?

Ana: Good bakers are hard to hire because the night shift is hard. We pay the night shift bakers more than the day staff. Our bakers stay for years because they own part of the bakery.

**Founder Park**

Follow the account for more.
`;

describe("findPoints where the write-up has section headings and no summary", () => {
  const blocks = blocksOf(sectioned);
  const found = findPoints(blocks, undefined, speechOf(sectioned));

  it("derives one point per topic heading, and says so", () => {
    expect(found.derived).toBe(true);
    expect(found.note).toBe(
      "no summary list found: 3 points derived from the talk (by its headings)",
    );
    expect(found.points.map((point) => point.n)).toEqual([1, 2, 3]);
  });

  it("joins a heading set over two heading lines and keeps statement headings as leads", () => {
    expect(found.points[0]?.lead).toBe("01 Why bread first");
    expect(found.points[2]?.lead).toBe("Hiring bakers");
  });

  it("never takes a recurring banner or a question as a lead", () => {
    const leads = found.points.map((point) => point.lead);
    expect(leads.join("\n")).not.toMatch(/Founder Park|\?/);
    expect(found.points[1]?.lead).toMatch(/rent|wholesale/i);
  });

  it("fills each body with the main speaker's whole sentences from that section", () => {
    const said = new Set(
      speechOf(sectioned)
        .filter((paragraph) => paragraph.speaker === "Ana")
        .flatMap((paragraph) => splitSentences(paragraph.text)),
    );
    for (const point of found.points) {
      expect(point.body).not.toBe("");
      for (const sentence of splitSentences(point.body)) expect(said).toContain(sentence);
    }
    expect(found.points[0]?.body).toMatch(/bread/);
    expect(found.points[2]?.body).toMatch(/baker/);
  });
});

const unsectioned = `# Notes from a talk on cities

Ben: Cities get cars wrong in one simple way. A city that builds wider roads for cars gets more cars and the same traffic. Every new car lane fills up with new cars within a few years.

Ben: The cars that fill the new lanes were trips nobody made before the road was built. Traffic engineers call these extra car trips induced demand.

Ben: So the way to fewer cars is fewer car lanes, not more. Cities that removed a car lane often saw the cars simply disappear from the map.

Ben: Trees are the cheapest way to cool a city street in summer. A street with old trees is several degrees cooler than a street without shade. Shade from trees also makes people walk more.

Ben: Planting trees is cheap, but keeping young trees alive is not. Most young street trees die in their first dry summer because nobody waters them.

Ben: Housing near the train stations is the last thing. A city should allow apartments within a short walk of every train station. People who live near a train station drive half as much as people who do not.

Ben: Most cities still forbid apartments near the train stations. Changing that rule costs the city nothing and adds housing where the trains already run.
`;

describe("findPoints where the write-up has neither a summary nor headings", () => {
  it("cuts the talk at its topic shifts and leads each topic with a central sentence", () => {
    const found = findPoints(blocksOf(unsectioned), undefined, speechOf(unsectioned));
    expect(found.note).toBe(
      "no summary list found: 3 points derived from the talk (by topic shifts)",
    );
    const leads = found.points.map((point) => point.lead);
    expect(leads[0]).toMatch(/car/i);
    expect(leads[1]).toMatch(/tree/i);
    expect(leads[2]).toMatch(/train|apartment|housing/i);
    const said = new Set(
      speechOf(unsectioned).flatMap((paragraph) => splitSentences(paragraph.text)),
    );
    for (const lead of leads) expect(said).toContain(lead);
  });

  it("reads the body's paragraphs when no turns are given", () => {
    const found = findPoints(blocksOf(unsectioned.replace(/^Ben: /gm, "")));
    expect(found.derived).toBe(true);
    expect(found.points).toHaveLength(3);
    for (const point of found.points) expect(point.lead).not.toMatch(/^Ben:/);
  });

  it("keeps a summary list when the write-up has one", () => {
    const withSummary = `# Talk\n\n## Key takeaways\n\n- Fewer car lanes, fewer cars\n- Trees cool streets\n\n${unsectioned.replace(/^# .*\n/, "")}`;
    const found = findPoints(blocksOf(withSummary), undefined, speechOf(withSummary));
    expect(found.derived).toBeUndefined();
    expect(found.points.map((point) => point.lead)).toEqual([
      "Fewer car lanes, fewer cars",
      "Trees cool streets",
    ]);
  });
});
