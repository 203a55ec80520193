import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { ErrorCode } from "../../src/errors.js";
import { select } from "../../src/select.js";
import { readSource } from "../../src/source.js";
import type { Quote, Talk } from "../../src/talk/model.js";
import { quoteHash } from "../../src/talk/quotes.js";
import { errorOf } from "../helpers/hardening.js";

/** Two turns of Jane Roe's and a question of the host's; the ranker made candidates of two sentences only. */
function talk(): Talk {
  const candidate = (text: string, turn: number, line: number, score: number): Quote => ({
    id: `q-${quoteHash(text).slice(0, 4)}`,
    text,
    speaker: "Jane Roe",
    turn,
    line,
    score,
    why: [],
  });
  return {
    file: "talk.md",
    meta: { title: "A talk", lang: "en" },
    points: [],
    pointsFrom: "derived",
    speakers: [
      { name: "Lee Host", aliases: ["Lee"], role: "speaker" },
      { name: "Jane Roe", aliases: ["Jane"], role: "speaker" },
    ],
    turns: [
      { speaker: "Lee Host", line: 10, paragraphs: ["What made you quit poker?"] },
      {
        speaker: "Jane Roe",
        line: 12,
        paragraphs: [
          "Quitting is a skill. Most people treat quitting as failure, and they stay far too long.",
        ],
      },
      {
        speaker: "Jane Roe",
        line: 16,
        paragraphs: [
          "A bad outcome is not a bad decision. Luck hides in every result we see. Nobody sees the hands you folded.",
        ],
      },
    ],
    quotes: [
      candidate("Quitting is a skill.", 1, 12, 3),
      candidate("Quitting is a skill we never practise on purpose.", 1, 13, 2),
      candidate("A bad outcome is not a bad decision.", 2, 16, 1),
      // A bold span and the sentence around it: both candidates.
      candidate("treat quitting as failure", 1, 12, 2),
      candidate("Most people treat quitting as failure, and they stay far too long.", 1, 12, 1),
    ],
    notes: [],
  };
}

/** The selection a talk file with this front matter (from line 2) makes of the talk above. */
function choose(frontMatter: string) {
  const source = readSource(`---\n${frontMatter}\n---\n`, "talk.md");
  return select(talk(), resolveConfig(source, undefined));
}

/** Issue 11, item 5: choose what the ranker missed. */
describe("choosing quotes by hand", () => {
  it("adds a quote the write-up only paraphrases, in a speaker's name, marked as such", () => {
    const text = "Knowing when to quit is the most underrated skill in business.";
    const selection = choose(`deck:\n  quotes:\n    - { text: "${text}", by: Jane }`);
    expect(selection.deckQuotes).toEqual([
      {
        id: `q-${quoteHash(text).slice(0, 4)}`,
        text,
        speaker: "Jane Roe",
        turn: -1,
        line: 4,
        score: 0,
        why: ["paraphrased: written in the front matter, not word for word in the talk"],
      },
    ]);
    // The cards take the deck's quotes, as the same quote.
    expect(selection.cardQuotes).toEqual(selection.deckQuotes);
    expect([...selection.paraphrased]).toEqual([selection.deckQuotes[0]?.id]);
    expect(selection.cardOrigins.get(selection.deckQuotes[0]?.id ?? "")).toMatchObject({
      file: "talk.md",
      line: 4,
      key: "deck.quotes[0]",
    });
  });

  it("shows a paraphrase by someone the talk does not name in that name, with a note", () => {
    const selection = choose(
      "deck:\n  quotes:\n    - text: Good decisions survive bad luck.\n      by: Someone Else",
    );
    expect(selection.deckQuotes[0]?.speaker).toBe("Someone Else");
    expect(selection.notes).toContain(
      "talk.md:4: `by: Someone Else` is not one of the talk's speakers (Lee Host, Jane Roe): the quote is shown in that name",
    );
  });

  it("takes a text the talk has word for word as that candidate, not a paraphrase", () => {
    const selection = choose(
      "deck:\n  quotes:\n    - { text: 'a bad outcome is not a BAD decision.', by: Jane Roe }",
    );
    expect(selection.deckQuotes[0]).toBe(selection.talk.quotes[2]);
    expect(selection.paraphrased.size).toBe(0);
  });

  it("gives a paraphrase whose four digits another quote has the next digits of its hash", () => {
    const base = talk();
    const text = "Knowing when to quit is the most underrated skill in business.";
    const hash = quoteHash(text);
    const clash: Quote = { ...(base.quotes[0] as Quote), id: `q-${hash.slice(0, 4)}` };
    const config = resolveConfig(
      readSource(`---\ndeck:\n  quotes: [{ text: "${text}", by: Jane }]\n---\n`, "talk.md"),
      undefined,
    );
    const selection = select({ ...base, quotes: [clash] }, config);
    expect(selection.deckQuotes[0]?.id).toBe(`q-${hash.slice(0, 4)}-${hash.slice(4, 8)}`);
  });

  it("chooses any sentence a speaker says by a fragment, not only the ranked candidates", () => {
    const selection = choose("deck:\n  quotes: [luck hides, hands you folded]");
    expect(
      selection.deckQuotes.map(({ text, speaker, turn }) => ({ text, speaker, turn })),
    ).toEqual([
      { text: "Luck hides in every result we see.", speaker: "Jane Roe", turn: 2 },
      { text: "Nobody sees the hands you folded.", speaker: "Jane Roe", turn: 2 },
    ]);
    expect(selection.deckQuotes[0]?.id).toBe(
      `q-${quoteHash("Luck hides in every result we see.").slice(0, 4)}`,
    );
    expect(selection.paraphrased.size).toBe(0);
  });

  it("takes the one match every other match contains: a bold span over its sentence, a quote written out whole", () => {
    const selection = choose(
      "deck:\n  quotes: [quitting as failure, they stay far too long, 'Quitting is a skill.']",
    );
    expect(selection.deckQuotes.map((quote) => quote.text)).toEqual([
      "treat quitting as failure",
      "Most people treat quitting as failure, and they stay far too long.",
      "Quitting is a skill.",
    ]);
    const ambiguous = errorOf(() => choose("deck:\n  quotes: [Quitting is a skill]"));
    expect(ambiguous.code).toBe(ErrorCode.QuoteAmbiguous);
  });

  it("names the line of a fragment nobody says, and suggests writing a paraphrase", () => {
    const error = errorOf(() => choose("deck:\n  quotes:\n    - never said"));
    expect(error.code).toBe(ErrorCode.QuoteNotFound);
    expect(error.location).toMatchObject({ line: 4, key: "deck.quotes[0]" });
    expect(error.hint).toContain('{ text: "…", by: Name }');
  });

  it.each([
    ["    - { text: '', by: Jane }", "deck.quotes[0].text", "1–400 characters"],
    [`    - { text: '${"x".repeat(401)}', by: Jane }`, "deck.quotes[0].text", "1–400 characters"],
    ["    - { text: Words. }", "deck.quotes[0].by", "the name of who said it"],
    [`    - { text: Words., by: '${"x".repeat(81)}' }`, "deck.quotes[0].by", "1–80"],
    ["    - 42", "deck.quotes[0]", "{ text: …, by: Name }"],
  ])("checks a paraphrase entry (%#), naming its key and line", (entry, key, expected) => {
    const error = errorOf(() => choose(`deck:\n  quotes:\n${entry}`));
    expect(error.code).toBe(ErrorCode.FrontMatterInvalid);
    expect(error.location).toMatchObject({ file: "talk.md", line: 4, key });
    expect(error.hint).toContain(expected);
  });

  it("suggests `by` for a misspelt key of a paraphrase entry", () => {
    const error = errorOf(() => choose("cards:\n  quotes:\n    - text: Words.\n      bye: Jane"));
    expect(error.location).toMatchObject({ line: 5, key: "cards.quotes[0].bye" });
    expect(error.hint).toContain("did you mean `by`? Keys under `cards.quotes[0]`: text, by");
  });
});
