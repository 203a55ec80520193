// Cache 2 of 2, per output: reuses unchanged outputs once a build runs; it needs the parse to say "nothing changed", so output/up-to-date.ts skips whole builds.
import { createHash } from "node:crypto";
import { type PreviousBuild, readIntact } from "./previous-build.js";
import type { KeptFile, OutputFile } from "./write.js";

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
 * Reuses what the previous build in the same folder made from the same inputs
 * (its manifest's `hashes` and `digests`): a card whose content hash is
 * unchanged is read back, not rendered again (and not rewritten, so its mtime
 * stays). `hashes` collects this build's, for its manifest.
 *
 * Why the build also keeps a stamp (output/up-to-date.ts): an output's content
 * hash is known only after load, parse, select and templates, so asking the
 * manifest alone whether anything changed took 0.2–0.4 of a cold build
 * (issue 14, 2026-11-30), the stamp 0.02–0.06.
 */
export class OutputReuse {
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

  /**
   * The bytes of each of `names`, when the previous build made every one of
   * them from `hash` and each is still the bytes it wrote (a damaged or
   * edited output is made again); else undefined.
   */
  async #intact(names: readonly string[], hash: string): Promise<Buffer[] | undefined> {
    if (!this.#madeFrom(names, hash)) return undefined;
    const files: Buffer[] = [];
    for (const name of names) {
      const bytes = await readIntact(this.#dir, name, this.#previous);
      if (bytes === undefined) return undefined;
      files.push(bytes);
    }
    this.record(names, hash);
    return files;
  }

  /** The files, read back, when every one of them was made from `hash` last time and is intact. */
  async reuse(names: readonly string[], hash: string): Promise<OutputFile[] | undefined> {
    const files = await this.#intact(names, hash);
    return files?.map((data, index) => ({ name: names[index] ?? "", data }));
  }

  /** Like `reuse`, for files that need not be held in memory: carried over as they are. */
  async keep(names: readonly string[], hash: string): Promise<KeptFile[] | undefined> {
    const files = await this.#intact(names, hash);
    // Intact: their digests are the ones the manifest recorded.
    return files?.map((_, index) => {
      const name = names[index] ?? "";
      return { kind: "kept" as const, name, digest: this.#previous.digests[name] ?? "" };
    });
  }

  record(names: readonly string[], hash: string): void {
    for (const name of names) this.hashes[name] = hash;
  }
}
