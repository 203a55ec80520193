import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Marp } from "@marp-team/marp-core";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/deck/escape.js";
import { runCli, talkWithQuotes, writeTalk } from "./quote-talks.js";

/**
 * Issue 10, item 13: an emoji shortcode with `_` (`:smiling_imp:`) became an
 * emoji in other Marp tools, because `_` was escaped before the shortcode
 * guard ran and the guard no longer saw a shortcode.
 */

const SHORTCODES = [":smiling_imp:", ":+1:", ":e-mail:", ":white_check_mark:", ":smile:"];
const EMOJI = /😈|👍|📧|✅|😄|\p{Extended_Pictographic}/u;

/** marp-core as another Marp tool renders deck.md: emoji shortcodes on (its default). */
function renderLikeOtherTools(markdown: string): string[] {
  const outputs: string[] = [];
  // Without marp-core's helper script, which is long and has nothing to do with emoji.
  for (const marp of [
    new Marp({ script: false }),
    new Marp({ script: false, emoji: { shortcode: true, unicode: true } }),
  ]) {
    outputs.push(marp.render(markdown).html);
  }
  return outputs;
}

function expectLiteral(html: string, shortcodes: readonly string[]): void {
  expect(html.match(/<img[^>]*>/g) ?? []).toEqual([]);
  expect(html.match(new RegExp(EMOJI.source, "gu")) ?? []).toEqual([]);
  const shown = html.replaceAll("\u2060", "");
  for (const shortcode of shortcodes) expect(shown).toContain(shortcode);
}

describe("emoji shortcodes in quotes", () => {
  it("stay text in deck.md when another Marp tool renders it", async () => {
    const quotes = SHORTCODES.map(
      (code, n) => `Quote ${n + 1} says ${code} out loud to everyone in the room today.`,
    );
    const talk = await writeTalk(
      talkWithQuotes(
        quotes,
        `deck:\n  points: none\n  quotes: [${quotes.map((_, n) => `"Quote ${n + 1} says"`).join(", ")}]\ncards:\n  quotes: none`,
      ),
    );
    const result = await runCli(["build", talk.file, "-o", talk.out, "--jobs", "1", "-q"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const markdown = await readFile(join(talk.built, "deck.md"), "utf8");
    for (const html of renderLikeOtherTools(markdown)) expectLiteral(html, SHORTCODES);
  });

  it("stay text wherever escapeMarkdown puts talk text", () => {
    for (const code of [
      ...SHORTCODES,
      ":smiling_imp::+1:",
      "a:smiling_imp:b",
      ":_:",
      ":__init__:",
    ]) {
      const html = renderLikeOtherTools(
        `# ${escapeMarkdown(code)}\n\n${escapeMarkdown(`x ${code} y`)}`,
      );
      for (const output of html) expectLiteral(output, [code]);
    }
  });
});
