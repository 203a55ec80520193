import { TalkdeckError } from "../errors.js";
import { recentByKey } from "../once.js";
import type { TemplateRegistry } from "../templates.js";
import { loadEmojiSet } from "./emoji.js";
import { loadCardFonts } from "./fonts.js";
import { releaseDrawings } from "./native-memory.js";
import { CardRenderer, type CardRequest } from "./render.js";

/** Cards to draw in a worker thread, in order. */
export interface CardTask {
  requests: CardRequest[];
  /**
   * The card templates as the build read them: a warm worker draws with the
   * templates of this build, not those of the build that started it.
   */
  templates: Array<[string, { source: string; file: string }]>;
}

/** A TalkdeckError does not survive the thread boundary as itself: it travels as data. */
export type CardTaskResult =
  | { pngs: Uint8Array[] }
  | {
      error: {
        code: TalkdeckError["code"];
        message: string;
        hint: string | undefined;
        location: TalkdeckError["location"];
      };
    };

/**
 * The renderer of the last templates, by their JSON: fonts are read and parsed
 * once per worker, whatever the templates. One that failed to start is not
 * kept: the next task tries again.
 */
const renderers = new Map<string, Promise<CardRenderer>>();

function workerRenderer(templates: CardTask["templates"]): Promise<CardRenderer> {
  return recentByKey(renderers, JSON.stringify(templates), 1, async () => {
    const registry: TemplateRegistry = new Map(templates);
    return new CardRenderer(await loadCardFonts(), await loadEmojiSet(), registry, {
      afterRaster: releaseDrawings,
    });
  });
}

/** Lets the event loop turn, so finalizers free the pixels of drawings collected so far. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export default async function renderCards(task: CardTask): Promise<CardTaskResult> {
  try {
    const drawer = await workerRenderer(task.templates);
    const pngs: Uint8Array[] = [];
    for (const request of task.requests) {
      pngs.push((await drawer.render(request)).png);
      await nextTurn();
    }
    return { pngs };
  } catch (error) {
    if (error instanceof TalkdeckError) {
      return {
        error: {
          code: error.code,
          message: error.message,
          hint: error.hint,
          location: error.location,
        },
      };
    }
    throw error;
  }
}
