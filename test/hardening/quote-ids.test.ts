import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Talk } from "../../src/talk/model.js";
import { parseTalk } from "../../src/talk/parse.js";
import {
  collidingSentences,
  isFriendly,
  quoteHash,
  runCli,
  sentence,
  talkWithQuotes,
  writeTalk,
} from "./quote-talks.js";

/** Issue 10, item 5: a quote's id depends on its own text, never on the other quotes. */

function parse(quotes: readonly string[]): Talk {
  return parseTalk(talkWithQuotes(quotes), "talk.md");
}

function idOf(talk: Talk, text: string): string {
  const quote = talk.quotes.find((candidate) => candidate.text === text);
  if (quote === undefined) throw new Error(`no quote "${text}"`);
  return quote.id;
}

describe("quote ids", () => {
  const [first, second] = collidingSentences();
  const prefix = quoteHash(first).slice(0, 4);

  it("keep an existing quote's id when a quote sharing its four hex digits is added", () => {
    const before = parse([sentence(0), first]);
    expect(idOf(before, first)).toBe(`q-${prefix}`);
    const after = parse([sentence(0), first, second]);
    expect(idOf(after, first)).toBe(`q-${prefix}`);
    // Only the later quote (in the order of the talk) gets a suffix, from its own hash.
    expect(idOf(after, second)).toBe(`q-${prefix}-${quoteHash(second).slice(4, 8)}`);
  });

  it("are the same whatever other quotes the talk has", () => {
    // Forty quotes with forty different four-digit prefixes (a collision is the test above).
    const byPrefix = new Map<string, string>();
    for (let n = 1000; byPrefix.size < 40; n += 1) {
      byPrefix.set(quoteHash(sentence(n)).slice(0, 4), sentence(n));
    }
    const texts = [...byPrefix.values()];
    const alone = new Map(texts.map((text) => [text, idOf(parse([text]), text)]));
    const together = parse(texts);
    const reversed = parse([...texts].reverse());
    for (const text of texts) {
      expect(alone.get(text)).toBe(`q-${quoteHash(text).slice(0, 4)}`);
      expect(idOf(together, text)).toBe(alone.get(text));
      expect(idOf(reversed, text)).toBe(alone.get(text));
    }
  });

  it("stay unique and well-formed in a large talk with thousands of quotes", () => {
    // About 1.6 MB: 16,000 bold sentences, so 4-hex prefixes collide by the hundred.
    const texts = Array.from({ length: 16_000 }, (_, n) => sentence(n));
    const talk = parse(texts);
    expect(talk.quotes).toHaveLength(texts.length);
    const ids = talk.quotes.map((quote) => quote.id);
    expect(new Set(ids).size).toBe(ids.length);
    const idByText = new Map(talk.quotes.map((quote) => [quote.text, quote.id]));
    const seen = new Set<string>();
    // In the talk's order, each id is its own hash's four digits, or for a later
    // quote sharing them, those and the next four.
    for (const text of texts) {
      const hash = quoteHash(text);
      const id = idByText.get(text);
      const short = hash.slice(0, 4);
      expect(id).toBe(seen.has(short) ? `q-${short}-${hash.slice(4, 8)}` : `q-${short}`);
      seen.add(short);
    }
  });
});

describe("quote ids in the front matter", () => {
  const [first, second] = collidingSentences();
  const prefix = quoteHash(first).slice(0, 4);

  it("still suggest the nearest id for a typo", async () => {
    const { file, out } = await writeTalk(
      talkWithQuotes(
        [first, sentence(1)],
        `cards:\n  quotes: none\ndeck:\n  quotes: [q-${prefix}9]`,
      ),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(
      `${file}:5: \`deck.quotes[0]\`: no quote has the id \`q-${prefix}9\``,
    );
    expect(result.err).toContain(`did you mean \`q-${prefix}\``);
  });

  it("accept a longer id the earlier scheme gave a colliding quote", async () => {
    // The earlier scheme lengthened both colliding ids until they differed: keep those working.
    const hash = quoteHash(second);
    let length = 5;
    while (quoteHash(first).startsWith(hash.slice(0, length))) length += 1;
    const { file, out } = await writeTalk(
      talkWithQuotes(
        [first, second],
        `cards:\n  quotes: none\ndeck:\n  quotes: [q-${hash.slice(0, length)}]`,
      ),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1"]);
    expect(result.err).not.toContain("error");
    expect(result.code).toBe(0);
  });

  it("keep naming a later quote by its long id once the quote it shared digits with is gone", async () => {
    const longId = `q-${prefix}-${quoteHash(second).slice(4, 8)}`;
    const { file, out, built } = await writeTalk(
      talkWithQuotes([second], `cards:\n  quotes: none\ndeck:\n  quotes: [${longId}]`),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1", "-q"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(await readFile(join(built, "deck.md"), "utf8")).toContain(second.slice(0, 20));
  });

  it("say so when a chosen id shares its digits with a later quote", async () => {
    const { file, out } = await writeTalk(
      talkWithQuotes([first, second], `cards:\n  quotes: none\ndeck:\n  quotes: [q-${prefix}]`),
    );
    const result = await runCli(["build", file, "-o", out, "--jobs", "1"]);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`q-${prefix}-${quoteHash(second).slice(4, 8)}`);
  });
});
