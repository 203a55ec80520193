import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * resvg-js frees a drawing's pixels (4.7 MB for 1080²) only when V8 collects
 * the JS object that holds them, and V8 does not count that native memory, so
 * it rarely sees a reason to collect: memory grows with every card (upstream
 * resvg-js issue 216). A worker therefore asks for a young-generation
 * collection after each card (well under a millisecond: the drawing's objects
 * are new); the pixels are released when the worker's event loop next turns.
 * (A full collection every few cards as well was tried: it cost 10% and
 * lowered the peak by little.)
 */
type Collect = (options?: { type: "major" | "minor" }) => void;

let collect: Collect | undefined;

function collector(): Collect {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: Collect }).gc;
    if (exposed !== undefined) collect = exposed;
    else {
      // Reaching `gc` without a command-line flag (as Jest's leak detector does): a context made after the flag is set has it.
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as Collect;
    }
  }
  return collect;
}

/** Call after each card a thread draws, once nothing refers to its drawing. */
export function releaseDrawings(): void {
  collector()({ type: "minor" });
}
