#!/usr/bin/env node
/**
 * The preview's edit loop, measured: a copy of the example (square and
 * landscape cards, no carousel) is previewed, then edited on disk 20 times
 * in two ways, and each time the clock runs from the save to the moment the
 * preview's status (what the page is sent over Server-Sent Events) says the
 * changed part is rebuilt:
 *  - a quote's text (its slide and its two cards change), until the cards' version moves;
 *  - a summary point's text (the deck only), until the deck's version moves.
 * Medians and the spread are printed, as JSON too (out/bench-preview.json),
 * with their ratio to a baseline measured in the same run: a whole build of
 * the same talk in a new process, what a save costs without the preview.
 * The debounce after a save (20 ms) is part of the figure, as it is for a user.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const { startPreview } = await import(join(root, "dist", "preview", "preview.js"));

const EDITS = 20;
const dir = mkdtempSync(join(tmpdir(), "talkdeck-bench-preview-"));
const talk = join(dir, "devday", "talk.md");
mkdirSync(join(dir, "devday"));
copyFileSync(join(root, "examples", "devday-2024", "talk.md"), talk);
const original = readFileSync(talk, "utf8").replace(/^ {2}carousel: .*\n/mu, "");
writeFileSync(talk, original);

const preview = await startPreview({ file: talk, build: { output: join(dir, "out") } });
await preview.idle();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves `text` and waits until the status says `part` was rebuilt; the time in ms. */
async function timeEdit(text, part) {
  const before = preview.status().versions[part];
  const start = performance.now();
  writeFileSync(talk, text);
  for (;;) {
    const status = preview.status();
    if (status.phase === "error") throw new Error(status.error);
    if (status.phase === "ok" && status.versions[part] > before) break;
    if (performance.now() - start > 60_000) throw new Error(`no ${part} rebuild within 60 s`);
    await sleep(2);
  }
  const elapsed = performance.now() - start;
  await preview.idle();
  return elapsed;
}

const QUOTE = "而你不能选择科学允许什么";
const POINT = "AGI 不再是一个二元事件";
if (!original.includes(QUOTE) || !original.includes(POINT))
  throw new Error("the example changed: pick other text to edit");

const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]);
  return { medianMs: at(0.5), minMs: Math.round(sorted[0]), p90Ms: at(0.9), edits: times.length };
};

const quoteTimes = [];
const deckTimes = [];
for (let edit = 1; edit <= EDITS; edit += 1) {
  // A different word each time, so every save makes new cards.
  quoteTimes.push(
    await timeEdit(original.replace(QUOTE, `${QUOTE}${"！".repeat(edit % 2)}${edit}`), "cards"),
  );
  deckTimes.push(await timeEdit(original.replace(POINT, `${POINT}（${edit}）`), "deck"));
}
await preview.close();

/**
 * The baseline, in the same run (the machine is noisy): the same talk built
 * by `talkdeck build --force` in a fresh process, as a user without the
 * preview would rebuild after each save. Median of 5.
 */
const coldTimes = [];
for (let run = 0; run < 5; run += 1) {
  const start = performance.now();
  const built = spawnSync(
    process.execPath,
    [join(root, "dist", "cli.js"), "build", talk, "-o", join(dir, "cold"), "--force", "-q"],
    { stdio: "ignore", timeout: 120_000 },
  );
  if (built.status !== 0) throw new Error("the baseline build failed");
  coldTimes.push(performance.now() - start);
}
rmSync(dir, { recursive: true, force: true });
const cold = summary(coldTimes);
const ratio = (times) => Math.round((summary(times).medianMs / cold.medianMs) * 100) / 100;

const result = {
  baseline: { ...cold, measured: "`talkdeck build --force` of the same talk in a new process" },
  quoteEdit: {
    ...summary(quoteTimes),
    ratioToBaseline: ratio(quoteTimes),
    goalMs: 250,
    measured: "save → 2 cards rewritten and the page's status updated",
  },
  deckOnlyEdit: {
    ...summary(deckTimes),
    ratioToBaseline: ratio(deckTimes),
    goalMs: 500,
    measured: "save → deck rebuilt and the page's status updated",
  },
};
console.log("preview edit loop:", JSON.stringify(result));
mkdirSync(join(root, "out"), { recursive: true });
writeFileSync(join(root, "out", "bench-preview.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log("written: out/bench-preview.json");
process.exit(0);
