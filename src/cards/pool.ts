import { join } from "node:path";
import Tinypool from "tinypool";
import { TalkdeckError } from "../errors.js";
import { packageRoot } from "../paths.js";
import type { CardRequest } from "./render.js";
import type { CardTask, CardTaskResult } from "./worker.js";

/**
 * resvg-js does not give back ~4.7 MB per 1080² render (upstream issue 216),
 * so workers are replaced after this many cards each: memory stays flat.
 */
const RENDERS_PER_WORKER = 40;

/** Draws cards on worker threads, each with its own fonts parsed once. */
export class CardPool {
  readonly #pool: Tinypool;
  readonly #templatesDir: string | undefined;
  readonly #threads: number;

  constructor(threads: number, templatesDir: string | undefined) {
    this.#threads = threads;
    this.#templatesDir = templatesDir;
    this.#pool = new Tinypool({
      filename: join(packageRoot, "dist", "cards", "worker.js"),
      minThreads: threads,
      maxThreads: threads,
    });
  }

  async #one(request: CardRequest): Promise<Buffer> {
    const task: CardTask = { request, templatesDir: this.#templatesDir };
    const result = (await this.#pool.run(task)) as CardTaskResult;
    if ("error" in result) {
      const { code, message, hint } = result.error;
      throw new TalkdeckError(code, message, hint === undefined ? {} : { hint });
    }
    return Buffer.from(result.png);
  }

  /** Draws the cards in batches, replacing the workers between batches; results keep the requests' order. */
  async renderAll(requests: readonly CardRequest[], onEach?: () => void): Promise<Buffer[]> {
    const results: Buffer[] = [];
    const batchSize = this.#threads * RENDERS_PER_WORKER;
    for (let start = 0; start < requests.length; start += batchSize) {
      if (start > 0) await this.#pool.recycleWorkers();
      const batch = requests.slice(start, start + batchSize);
      const pngs = await Promise.all(
        batch.map(async (request) => {
          const png = await this.#one(request);
          onEach?.();
          return png;
        }),
      );
      results.push(...pngs);
    }
    return results;
  }

  destroy(): Promise<void> {
    return this.#pool.destroy();
  }
}
