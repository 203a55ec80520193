import { describe, expect, it } from "vitest";
import { editFrontMatter, keepLayout } from "../../src/preview/front-matter-edit.js";
import { type PickView, toggleQuote } from "../../src/preview/toggle.js";
import { readSource } from "../../src/source.js";

/** A view of a talk with three quotes; `科学` names q-aaaa, as a fragment would. */
function view(selected: PickView["selected"]): PickView {
  const fragments: Record<string, string> = { 科学决定: "q-aaaa", 边界: "q-bbbb" };
  return {
    resolve: (selector) =>
      typeof selector === "string"
        ? (fragments[selector] ?? (/^q-/.test(selector) ? selector : undefined))
        : undefined,
    selected,
    selectorFor: (id) => id,
  };
}

const BODY = "\n# Title\n\n**A**: some talk --- with `---` inside\n\n---\n\ntrailing\n";

const TALK = `---
# talkdeck settings: keep me
theme: midnight   # the dark one
deck:
  points: [1, 2, 3]
  quotes:
    - 科学决定            # a fragment
    - 边界
cards:
  quotes: auto            # the deck's quotes
  handle: "@me"
---${BODY}`;

function toggle(
  text: string,
  list: "deck" | "cards",
  id: string,
  on: boolean,
  v = view({ deck: ["q-aaaa", "q-bbbb"], cards: ["q-aaaa", "q-bbbb"] }),
) {
  return editFrontMatter(text, "talk.md", (document) => {
    toggleQuote(document, { list, id, on }, v);
  });
}

describe("choosing quotes in the front matter", () => {
  it("adds an id to the user's list, keeping comments, order, spacing and the body", () => {
    const next = toggle(TALK, "deck", "q-cccc", true);
    expect(next).toBe(TALK.replace("    - 边界\n", "    - 边界\n    - q-cccc\n"));
    expect(next.endsWith(BODY)).toBe(true);
  });

  it("removes the item that names the quote (a fragment), and nothing else", () => {
    const next = toggle(TALK, "deck", "q-aaaa", false);
    expect(next).toBe(TALK.replace("    - 科学决定            # a fragment\n", ""));
  });

  it("turns `auto` into the ids it selects now, with the change, on the same line and comment", () => {
    const next = toggle(TALK, "cards", "q-bbbb", false);
    expect(next).toContain("  quotes: [q-aaaa] # the deck's quotes\n");
    expect(next).toContain("theme: midnight   # the dark one\n");
    expect(next).toContain('  handle: "@me"\n');
    expect(next.endsWith(BODY)).toBe(true);
  });

  it("writes `none` rather than an empty list", () => {
    const one = TALK.replace("    - 边界\n", "");
    expect(toggle(one, "deck", "q-aaaa", false)).toContain("  quotes: none\ncards:");
  });

  it("adds a key that is absent, and a front matter to a file without one", () => {
    const bare = "# Title\n\nText.\n";
    const next = toggle(bare, "deck", "q-aaaa", true, view({ deck: [], cards: [] }));
    expect(next).toBe(`---\ndeck:\n  quotes: [q-aaaa]\n---\n\n${bare}`);
    const empty = `---\n---\n${BODY}`;
    expect(toggle(empty, "cards", "q-bbbb", true, view({ deck: [], cards: [] }))).toBe(
      `---\ncards:\n  quotes: [q-bbbb]\n---\n${BODY}`,
    );
  });

  it("keeps CRLF line breaks and a BOM", () => {
    const crlf = `\uFEFF${TALK.replace(/\n/g, "\r\n")}`;
    const next = toggle(crlf, "deck", "q-cccc", true);
    expect(next.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(next).toContain("    - 边界\r\n    - q-cccc\r\ncards:");
    expect(next.endsWith(BODY.replace(/\n/g, "\r\n"))).toBe(true);
    expect(next.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("changes nothing when the quote is already so", () => {
    let changed = true;
    const next = editFrontMatter(TALK, "talk.md", (document) => {
      changed = toggleQuote(
        document,
        { list: "deck", id: "q-aaaa", on: true },
        view({ deck: ["q-aaaa"], cards: [] }),
      );
    });
    expect(changed).toBe(false);
    expect(next).toBe(TALK);
  });

  it("refuses front matter the yaml package cannot parse, rather than rewrite it", () => {
    expect(() => toggle("---\ndeck: [unclosed\n---\nbody\n", "deck", "q-aaaa", true)).toThrow(
      /not valid YAML/,
    );
  });
});

describe("keepLayout", () => {
  it("gives back the user's lines where the printer only normalised them", () => {
    expect(
      keepLayout("a:   1  # x\nb: [1,2]", "a: 1 # x\nb: [1, 2]", "a: 1 # x\nc: 3\nb: [1, 2]"),
    ).toBe("a:   1  # x\nc: 3\nb: [1,2]");
  });
});

describe("an edit where the printer moves lines about", () => {
  it("never writes lines back in the wrong place: the result says what the edit says", () => {
    const text = [
      "---",
      "title: Shipping Small",
      "description: A fireside chat about shipping small releases,",
      "  writing errors first and testing on real files.",
      "deck:",
      "  quotes: auto",
      "cards:",
      "  sizes: [square]",
      "# (settings end)",
      "---",
      "# Body",
      "",
    ].join("\n");
    const next = editFrontMatter(text, "talk.md", (document) => {
      document.setIn(["deck", "quotes"], document.createNode(["q-1", "q-2"]));
    });
    const data = readSource(next, "talk.md").data;
    expect(data).toEqual({
      title: "Shipping Small",
      description:
        "A fireside chat about shipping small releases, writing errors first and testing on real files.",
      deck: { quotes: ["q-1", "q-2"] },
      cards: { sizes: ["square"] },
    });
    expect(next.endsWith("---\n# Body\n")).toBe(true);
    expect(next).toContain("# (settings end)");
  });
});
