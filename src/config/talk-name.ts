import { basename, dirname, extname, resolve } from "node:path";

/** File stems that say nothing about the talk: use the folder's name instead. */
const GENERIC_STEMS = new Set(["talk", "index", "readme", "transcript", "source", "spec"]);

/** The name of a talk's output folder: `examples/devday-2024/talk.md` → `devday-2024`. */
export function talkName(file: string): string {
  const absolute = resolve(file);
  let stem = basename(absolute, extname(absolute));
  if (GENERIC_STEMS.has(stem.toLowerCase())) stem = basename(dirname(absolute));
  const safe = stem
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "-")
    .replace(/^[-.]+|-+$/g, "");
  return safe === "" ? "talk" : safe;
}
