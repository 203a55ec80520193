import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * resvg-js frees a drawing's pixels (4.7 MB for 1080²) only when V8 collects
 * the JS object that holds them, and V8 does not count that native memory, so
 * it rarely sees a reason to collect: memory grows with every card (upstream
 * resvg-js issue 216). A worker therefore asks for a young-generation
 * collection after each card (well under a millisecond: the drawing's objects
 * are new); the pixels are released when the worker's event loop next turns.
 */
type Collect = (options?: { type: "major" | "minor" }) => void;

/**
 * Above this resident size (all threads), a worker also asks for a full
 * collection, at most once every few cards: a full collection costs 20–30 ms,
 * so it is kept for when memory is actually high.
 */
const RSS_BUDGET_BYTES = 300 * 1024 * 1024;
const CARDS_BETWEEN_FULL_COLLECTIONS = 8;

let collect: Collect | undefined;
let cards = 0;
let lastFull = 0;

function collector(): Collect {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: Collect }).gc;
    if (exposed !== undefined) collect = exposed;
    else {
      // The documented way to reach `gc` without a command-line flag: a context made after the flag is set has it.
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as Collect;
    }
  }
  return collect;
}

/** Call after each card a thread draws, once nothing refers to its drawing. */
export function releaseDrawings(): void {
  cards += 1;
  const full =
    cards - lastFull >= CARDS_BETWEEN_FULL_COLLECTIONS &&
    process.memoryUsage.rss() > RSS_BUDGET_BYTES;
  if (full) lastFull = cards;
  collector()({ type: full ? "major" : "minor" });
}
