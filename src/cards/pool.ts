import { join } from "node:path";
import Tinypool from "tinypool";
import { TalkdeckError } from "../errors.js";
import { packageRoot } from "../paths.js";
import type { TemplateRegistry } from "../templates.js";
import type { CardRequest } from "./render.js";
import type { CardTask, CardTaskResult } from "./worker.js";

/**
 * The requests' indices, grouped into tasks: one quote's cards go to one
 * thread, which then shapes and outlines its glyphs once for all its sizes.
 * With too few quotes to keep every thread busy, each card is its own task.
 */
function tasks(requests: readonly CardRequest[], threads: number): number[][] {
  const byQuote = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const group = byQuote.get(request.quote.id);
    if (group === undefined) byQuote.set(request.quote.id, [index]);
    else group.push(index);
  });
  const groups = [...byQuote.values()];
  return groups.length >= threads * 2 ? groups : requests.map((_, index) => [index]);
}

/** The templates a card worker needs: the card layouts, not the deck's or the carousel's. */
function cardTemplates(templates: TemplateRegistry): CardTask["templates"] {
  return [...templates].filter(([name]) => name.startsWith("cards/"));
}

/**
 * Draws cards on worker threads, each with its own fonts parsed once. A
 * pool outlives a build when its owner keeps it (a watch session does): the
 * next build's cards start on threads whose fonts are already parsed.
 */
export class CardPool {
  readonly #pool: Tinypool;
  readonly #threads: number;

  constructor(threads: number) {
    this.#threads = threads;
    this.#pool = new Tinypool({
      filename: join(packageRoot, "dist", "cards", "worker.js"),
      minThreads: threads,
      maxThreads: threads,
      // With atomics, an idle worker blocks instead of turning its event loop, where the
      // finalizers that free resvg's pixels run (native-memory.ts): they would pile up.
      useAtomics: false,
      // Most of a card's garbage dies young: a small nursery holds less of it. No heap limit:
      // it saved memory but cost more time (README, "Speed and memory").
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
  }

  async #batch(requests: CardRequest[], templates: CardTask["templates"]): Promise<Buffer[]> {
    const task: CardTask = { requests, templates };
    const result = (await this.#pool.run(task)) as CardTaskResult;
    if ("error" in result) {
      const { code, message, hint, location } = result.error;
      throw new TalkdeckError(code, message, { location, hint });
    }
    return result.pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  }

  /** Draws the cards, handing each PNG to `onCard` with its request's index as it arrives. */
  async renderEach(
    requests: readonly CardRequest[],
    templates: TemplateRegistry,
    onCard: (index: number, png: Buffer) => Promise<void> | void,
  ): Promise<void> {
    const sent = cardTemplates(templates);
    await Promise.all(
      tasks(requests, this.#threads).map(async (indices) => {
        const drawn = await this.#batch(
          indices.map((index) => requests[index] as CardRequest),
          sent,
        );
        for (const [position, index] of indices.entries()) {
          await onCard(index, drawn[position] ?? Buffer.alloc(0));
        }
      }),
    );
  }

  destroy(): Promise<void> {
    return this.#pool.destroy();
  }
}
