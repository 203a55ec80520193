import type { Paragraph } from "mdast";
import { describe, expect, it } from "vitest";
import { inlineText, parseMarkdown } from "../../src/talk/markdown.js";
import { findQuotes, quoteHash } from "../../src/talk/quotes.js";
import type { TurnDraft } from "../../src/talk/turns.js";
import { fixtureTalk } from "../helpers/fixtures.js";
import { samplePath } from "../helpers/paths.js";

/** A turn whose paragraphs are Markdown starting at `line`, one line apart, as turns.ts would hand them over. */
function turn(speaker: string, line: number, ...paragraphs: string[]): TurnDraft {
  return {
    speaker,
    line,
    paragraphs: paragraphs.map((markdown, index) => {
      const at = line + 2 * index;
      const node = parseMarkdown(`${"\n".repeat(at - 1)}${markdown}`).children[0] as Paragraph;
      return { text: inlineText(node.children), inline: node.children, line: at };
    }),
  };
}

const texts = (turns: TurnDraft[], hosts: string[] = []) =>
  findQuotes(turns, new Set(hosts)).map((quote) => quote.text);

describe("quote candidates", () => {
  it("every sentence a guest says, none of the host's", () => {
    const found = texts(
      [
        turn("Host", 1, "What did the first launch teach you about pricing?"),
        turn(
          "Ana Ruiz",
          3,
          "We priced by the seat for two years. Customers paid for outcomes, not for logins.",
        ),
        turn("Host", 5, "I always say pricing is a product decision."),
      ],
      ["Host"],
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "We priced by the seat for two years.",
        "Customers paid for outcomes, not for logins.",
      ]),
    );
    expect(found.join("\n")).not.toMatch(/first launch|I always say/);
  });

  it("Chinese sentences, and a bold span inside a sentence as a candidate of its own", () => {
    const found = findQuotes([
      turn(
        "王五",
        1,
        "我们试过很多办法。其实说到底，**好产品是用户替你说话的产品**，广告只是放大器。",
      ),
    ]);
    const bold = found.find((quote) => quote.text === "好产品是用户替你说话的产品");
    expect(bold?.why).toContainEqual(expect.stringMatching(/^bold in the transcript \+/));
    expect(found[0]).toBe(bold);
    expect(found.map((quote) => quote.text)).toEqual(
      expect.arrayContaining([
        "我们试过很多办法。",
        "其实说到底，好产品是用户替你说话的产品，广告只是放大器。",
      ]),
    );
  });

  it("the words a note-taker puts in quotation marks", () => {
    const found = texts([
      turn(
        "Lin Mei",
        1,
        "她回忆第一次失败时，只说了一句“失败只是还没找到对的问题”，然后继续讲课。",
      ),
    ]);
    expect(found).toContain("失败只是还没找到对的问题");
  });

  it("two short sentences joined where the second leans on the first, beside each alone", () => {
    const found = texts([
      turn("Ana Ruiz", 1, "Most teams measure the wrong thing. That is why their dashboards lie."),
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        "Most teams measure the wrong thing.",
        "That is why their dashboards lie.",
        "Most teams measure the wrong thing. That is why their dashboards lie.",
      ]),
    );
  });

  it("a line said twice once, where it is said last", () => {
    const quotes = findQuotes([
      turn("Ana Ruiz", 1, "Customers paid for outcomes, not for logins."),
      turn("Host", 3, "Tell us how you got there."),
      turn("Ana Ruiz", 5, "We listened. Customers paid for outcomes, not for logins."),
    ]);
    const repeated = quotes.filter((quote) => quote.text.startsWith("Customers paid"));
    expect(repeated).toHaveLength(1);
    expect(repeated[0]?.turn).toBe(2);
  });

  it("never a fragment, a question, a sponsor read or a link", () => {
    const found = texts([
      turn(
        "Ana Ruiz",
        1,
        "Right. Why would anyone pay for that? This episode is brought to you by Acme Cloud. See https://example.com/a/very/long/link/to/nowhere for more. 好的。",
      ),
      turn("Ana Ruiz", 3, "Pricing is the product."),
    ]);
    expect(found).toEqual(["Pricing is the product."]);
  });

  it("tidies card text: no space before Chinese punctuation, no trailing comma", () => {
    const found = texts([
      turn("王五", 1, "长上下文**一定会到来** ，而且会很有趣。随着这些模型的发展，"),
    ]);
    expect(found).toContain("长上下文一定会到来，而且会很有趣。");
    expect(found).toContain("随着这些模型的发展");
  });

  it("gives each candidate the line its text starts on", () => {
    const quotes = findQuotes([
      turn(
        "Ana Ruiz",
        10,
        "Most teams measure the wrong thing.\nCustomers paid for **outcomes, not for logins**.",
      ),
    ]);
    const line = (start: string) => quotes.find((quote) => quote.text.startsWith(start))?.line;
    expect(line("Most teams")).toBe(10);
    expect(line("Customers paid")).toBe(11);
  });

  it("ids come from the text alone", () => {
    const [quote] = findQuotes([
      turn("Ana Ruiz", 1, "Customers paid for outcomes, not for logins."),
    ]);
    expect(quote?.id).toBe(
      `q-${quoteHash("Customers paid for outcomes, not for logins.").slice(0, 4)}`,
    );
    const again = findQuotes([
      turn("Ana Ruiz", 1, "A new first sentence comes before it."),
      turn("Ana Ruiz", 3, "Customers paid for outcomes, not for logins."),
    ]);
    expect(again.find((other) => other.text === quote?.text)?.id).toBe(quote?.id);
  });

  it("scores with the fitted model: why lists the features that count, and each is in [0, 1]", () => {
    const quotes = findQuotes([
      turn("Ana Ruiz", 1, "Don't hire people who agree with you. We learned that in 2019 at Acme."),
    ]);
    for (const quote of quotes) {
      expect(quote.why.length).toBeGreaterThan(0);
      for (const reason of quote.why) expect(reason).toMatch(/ [+−]\d+\.\d$/);
      for (const value of Object.values(quote.features ?? {})) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("the sample", () => {
  it("ranks its bold lines first", () => {
    const talk = fixtureTalk(samplePath);
    const top = talk.quotes.slice(0, 6);
    expect(top).toHaveLength(6);
    for (const quote of top) expect(quote.features?.bold).toBe(1);
  });
});
