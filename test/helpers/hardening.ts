import { access, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TalkdeckError } from "../../src/errors.js";
import { tempDir } from "./paths.js";

/** A talk small enough to build in a second: two bold quotes, square cards. */
export const SMALL_TALK = `---
cards:
  sizes: [square]
---
# A small talk

**Ada：** **We build tools so that people can think about the problem, not the tool.** That was the idea.

**Bob：** Why?

**Ada：** **The best slide is the one you never had to explain twice.** Keep it short.
`;

/** SMALL_TALK as `small.md` in a folder of its own; its build goes to `out/small`. */
export async function smallTalk(): Promise<{ talk: string; out: string; dir: string }> {
  const root = await tempDir("talkdeck-hard-");
  const talk = join(root, "small.md");
  await writeFile(talk, SMALL_TALK);
  const out = join(root, "out");
  return { talk, out, dir: join(out, "small") };
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The TalkdeckError `action` throws; anything else fails the test. */
export function errorOf(action: () => unknown): TalkdeckError {
  try {
    action();
  } catch (error) {
    if (error instanceof TalkdeckError) return error;
    throw error;
  }
  throw new Error("expected a TalkdeckError");
}
