import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTalk } from "../../src/build.js";
import { fixture } from "../helpers/fixtures.js";
import { examplePath, tempDir } from "../helpers/paths.js";

async function mtimes(dir: string, names: readonly string[]): Promise<number[]> {
  return Promise.all(names.map(async (name) => (await stat(join(dir, name))).mtimeMs));
}

describe("rebuilding", () => {
  it("keeps what did not change: no card drawn, no file rewritten", async () => {
    const talkDir = join(await tempDir(), "devday");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(talkDir);
    const talk = join(talkDir, "talk.md");
    const example = fixture(examplePath);
    await writeFile(talk, example);
    const out = join(talkDir, "out");

    const cold = await buildTalk(talk, { output: out });
    expect(cold.cardsRendered).toBe(10);
    const watched = cold.files.filter(
      (name) => name.startsWith("cards/") || name === "deck.html" || name === "deck.md",
    );
    const before = await mtimes(cold.outputDir, watched);

    // Nothing changed: the build says so without parsing or drawing anything.
    const again = await buildTalk(talk, { output: out });
    expect(again.unchanged).toBe(true);
    expect(again).toMatchObject({ slides: cold.slides, cards: cold.cards, cardsRendered: 0 });
    expect(await mtimes(again.outputDir, watched)).toEqual(before);

    // Forced, it runs the pipeline, and the reuse of unchanged outputs (OutputReuse) still draws nothing and rewrites nothing.
    const forced = await buildTalk(talk, { output: out, force: true });
    expect(forced.unchanged).toBe(false);
    expect(forced.cardsRendered).toBe(0);
    expect(await mtimes(forced.outputDir, watched)).toEqual(before);

    // A deck-only change (which points) re-renders no card.
    await writeFile(talk, example.replace("points: [1, 2, 3, 4, 6, 7, 11, 12]", "points: [1, 2]"));
    const deckOnly = await buildTalk(talk, { output: out });
    expect(deckOnly.cardsRendered).toBe(0);
    expect(deckOnly.slides).toBe(cold.slides - 6);
    const cards = watched.filter((name) => name.startsWith("cards/"));
    expect(await mtimes(deckOnly.outputDir, cards)).toEqual(await mtimes(cold.outputDir, cards));

    // An output that is gone, or a template override added, is a change too.
    const { rm, mkdir: makeDir } = await import("node:fs/promises");
    await rm(join(deckOnly.outputDir, "deck.html"));
    const repaired = await buildTalk(talk, { output: out });
    expect(repaired.unchanged).toBe(false);
    expect((await stat(join(deckOnly.outputDir, "deck.html"))).size).toBeGreaterThan(0);
    const templates = join(talkDir, "templates");
    await makeDir(join(templates, "cards"), { recursive: true });
    expect((await buildTalk(talk, { output: out, templatesDir: templates })).unchanged).toBe(false);
    expect((await buildTalk(talk, { output: out, templatesDir: templates })).unchanged).toBe(true);
    await makeDir(join(templates, "cards"), { recursive: true });
    const classic = await readFile(
      new URL("../../templates/cards/classic.html.hbs", import.meta.url),
    );
    await writeFile(join(templates, "cards", "classic.html.hbs"), classic);
    const overridden = await buildTalk(talk, { output: out, templatesDir: templates });
    expect(overridden.unchanged).toBe(false);

    // A card change (the theme) draws them again.
    await writeFile(talk, example.replace("theme: midnight", "theme: paper"));
    const restyled = await buildTalk(talk, { output: out });
    expect(restyled.cardsRendered).toBe(10);
  });
});
