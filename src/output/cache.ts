import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { KeptFile, OutputFile, PreviousBuild } from "./write.js";

/** A digest of everything an output is made from: same inputs, same bytes. */
export function contentHash(...parts: ReadonlyArray<string | Buffer>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(typeof part === "string" ? Buffer.from(part) : part);
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * Reuses what the previous build in the same folder made from the same inputs:
 * a card whose content hash is unchanged is read back, not rendered again (and
 * not rewritten, so its mtime stays).
 */
export class BuildCache {
  readonly hashes: Record<string, string> = {};
  readonly #dir: string;
  readonly #previous: PreviousBuild;

  constructor(dir: string, previous: PreviousBuild) {
    this.#dir = dir;
    this.#previous = previous;
  }

  /** Names the previous build made from `hash` that pass `belongs`. */
  previousNames(hash: string, belongs: (name: string) => boolean): string[] {
    return Object.entries(this.#previous.hashes)
      .filter(([name, previous]) => previous === hash && belongs(name))
      .map(([name]) => name)
      .sort();
  }

  /** Whether the previous build made every one of `names` from `hash`. */
  #madeFrom(names: readonly string[], hash: string): boolean {
    return names.length > 0 && names.every((name) => this.#previous.hashes[name] === hash);
  }

  /** The files, read back, when every one of them was made from `hash` last time; else undefined. */
  async reuse(names: readonly string[], hash: string): Promise<OutputFile[] | undefined> {
    if (!this.#madeFrom(names, hash)) return undefined;
    try {
      const files = await Promise.all(
        names.map(async (name) => ({ name, data: await readFile(join(this.#dir, name)) })),
      );
      this.record(names, hash);
      return files;
    } catch {
      return undefined;
    }
  }

  /** Like `reuse`, for files that need not be read: they stay as they are. */
  async keep(names: readonly string[], hash: string): Promise<KeptFile[] | undefined> {
    if (!this.#madeFrom(names, hash)) return undefined;
    try {
      await Promise.all(names.map((name) => stat(join(this.#dir, name))));
    } catch {
      return undefined;
    }
    this.record(names, hash);
    return names.map((name) => ({ name, kept: true as const }));
  }

  record(names: readonly string[], hash: string): void {
    for (const name of names) this.hashes[name] = hash;
  }
}
