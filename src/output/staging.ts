import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StagedFile } from "./write.js";

/**
 * Drawn cards wait here until the build writes its outputs, so that a batch of
 * thousands does not sit in memory, and a build that fails leaves the output
 * folder as it was. The folder is made on first use; `remove` always runs.
 */
export class Staging {
  #dir: Promise<string> | undefined;
  #count = 0;

  async put(name: string, data: Buffer): Promise<StagedFile> {
    this.#dir ??= mkdtemp(join(tmpdir(), "talkdeck-staging-"));
    const path = join(await this.#dir, `${this.#count++}.bin`);
    await writeFile(path, data);
    return { name, staged: path };
  }

  async remove(): Promise<void> {
    if (this.#dir !== undefined) await rm(await this.#dir, { recursive: true, force: true });
  }
}
