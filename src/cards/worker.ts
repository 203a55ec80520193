import { TalkdeckError } from "../errors.js";
import type { TemplateRegistry } from "../templates.js";
import { EmojiSet } from "./emoji.js";
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

/** The last templates and their renderer: fonts are read and parsed once per worker, whatever the templates. */
let current: { key: string; renderer: Promise<CardRenderer> } | undefined;

function workerRenderer(templates: CardTask["templates"]): Promise<CardRenderer> {
  const key = JSON.stringify(templates);
  if (current?.key !== key) {
    const registry: TemplateRegistry = new Map(templates);
    const renderer = (async () =>
      new CardRenderer(await loadCardFonts(), await EmojiSet.load(), registry, {
        afterRaster: releaseDrawings,
      }))();
    current = { key, renderer };
    // A renderer that failed to start is not kept: the next task tries again.
    renderer.catch(() => {
      if (current?.renderer === renderer) current = undefined;
    });
  }
  return current.renderer;
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
