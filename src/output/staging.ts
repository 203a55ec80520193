import type { StagedFile } from "./write.js";

/**
 * Where drawn cards go as they are drawn, so that a batch of thousands does
 * not sit in memory: straight into the new output folder that the build
 * swaps in at the end (or drops, when it fails).
 */
export interface Staging {
  put(name: string, data: Buffer): Promise<StagedFile>;
}
