import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * resvg-js frees a drawing's pixels only when V8 collects their JS object, and V8 does not count
 * that memory (resvg-js issue 216): a cheap minor collection after each card keeps memory flat.
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
