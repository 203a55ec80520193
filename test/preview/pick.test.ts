import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPick, PickRefused } from "../../src/preview/pick.js";
import { hashBytes, readTalk } from "../../src/preview/state.js";
import { samplePath, tempDir } from "../helpers/paths.js";

const SPEC = `---
source: ./talk.md
# my own note
deck:
  quotes: auto   # the six best
---
`;

async function specBeside(talkFrontMatter = ""): Promise<{ spec: string; talk: string }> {
  const dir = await tempDir("talkdeck-pick-");
  const talk = join(dir, "talk.md");
  await copyFile(samplePath, talk);
  if (talkFrontMatter !== "") {
    await writeFile(talk, `---\n${talkFrontMatter}---\n${await readFile(talk, "utf8")}`);
  }
  const spec = join(dir, "talk.talkdeck.md");
  await writeFile(spec, SPEC);
  return { spec, talk };
}

describe("choosing a quote when preview runs on a spec file", () => {
  it("writes the spec file, not the talk", async () => {
    const { spec, talk } = await specBeside();
    const talkBefore = await readFile(talk, "utf8");
    const { state, view } = await readTalk(spec, {});
    // In the order the deck shows them (the order they were said), not the ranking's.
    const chosen = view.selected.deck;
    const other = state.candidates.find((quote) => !quote.onDeck);
    expect(chosen.length).toBeGreaterThan(0);
    expect(other).toBeDefined();
    const result = await applyPick(
      spec,
      {},
      { list: "deck", id: other?.id ?? "", on: true },
      hashBytes(SPEC),
    );
    expect(result.changed).toBe(true);
    const written = await readFile(spec, "utf8");
    expect(result.hash).toBe(hashBytes(written));
    expect(written).toBe(
      SPEC.replace(
        "quotes: auto   # the six best",
        `quotes: [${[...chosen, other?.id].join(", ")}] # the six best`,
      ),
    );
    expect(await readFile(talk, "utf8")).toBe(talkBefore);
  });

  it("refuses when the talk's own front matter sets the list (it wins over the spec)", async () => {
    const { spec } = await specBeside("deck:\n  quotes: auto\n");
    const { state } = await readTalk(spec, {});
    const id = state.candidates[0]?.id ?? "";
    const refused = await applyPick(
      spec,
      {},
      { list: "deck", id, on: false },
      hashBytes(SPEC),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PickRefused);
    expect((refused as PickRefused).status).toBe(409);
    expect(await readFile(spec, "utf8")).toBe(SPEC);
  });
});
