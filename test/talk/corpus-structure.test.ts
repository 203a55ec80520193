import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCorpusDir, evaluateCase, loadCorpus } from "../../src/eval/corpus.js";

/**
 * The structure of the real write-ups in ../shared/corpus (third-party texts,
 * read in place, never copied here): every case's title and set of speakers
 * right, and every reference quote found by its text given to its speaker.
 * Skipped where the corpus is not beside the project.
 */
const dir = defaultCorpusDir();
const present = existsSync(join(dir, "corpus.json"));

describe.skipIf(!present)("the corpus's structure", async () => {
  const cases = present ? await loadCorpus(dir) : [];
  it.each(cases.map((entry) => [entry.file, entry] as const))("%s", async (_file, entry) => {
    const result = await evaluateCase(dir, entry, 1);
    expect(result.refused).toBeNull();
    expect(result.title).toMatchObject({ right: true });
    expect(result.speakers).toMatchObject({ right: true });
    for (const quote of result.quotes) {
      if (quote.textRank !== null) expect(quote.rank, quote.text).not.toBeNull();
    }
  });
});
