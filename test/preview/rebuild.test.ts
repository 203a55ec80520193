import { describe, expect, it } from "vitest";
import type { BuildResult } from "../../src/build-options.js";
import { type BuildEvent, Rebuilder } from "../../src/preview/rebuild.js";

const RESULT = { outputDir: "out/x", slides: 1, cards: 0 } as BuildResult;

describe("Rebuilder", () => {
  it("runs one build at a time, and one more after saves made during a build", async () => {
    let running = 0;
    let most = 0;
    let builds = 0;
    let release: () => void = () => {};
    const events: BuildEvent["kind"][] = [];
    const rebuilder = new Rebuilder(
      async () => {
        running += 1;
        most = Math.max(most, running);
        builds += 1;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        running -= 1;
        return RESULT;
      },
      (event) => {
        events.push(event.kind);
      },
    );
    rebuilder.request();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Three saves while the first build runs: one build after it, not three.
    rebuilder.request();
    rebuilder.request();
    rebuilder.request();
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await rebuilder.idle();
    expect(builds).toBe(2);
    expect(most).toBe(1);
    expect(events).toEqual(["building", "built", "building", "built"]);
  });

  it("reports a failed build and keeps going", async () => {
    let fail = true;
    const events: BuildEvent[] = [];
    const rebuilder = new Rebuilder(
      async () => {
        if (fail) throw new Error("broken");
        return RESULT;
      },
      (event) => {
        events.push(event);
      },
    );
    rebuilder.request();
    await rebuilder.idle();
    fail = false;
    rebuilder.request();
    await rebuilder.idle();
    expect(events.map((event) => event.kind)).toEqual(["building", "failed", "building", "built"]);
    await rebuilder.close();
    rebuilder.request();
    await rebuilder.idle();
    expect(events).toHaveLength(4);
  });
});
