import { TalkdeckError } from "../errors.js";
import { loadTemplates } from "../templates.js";
import { EmojiSet } from "./emoji.js";
import { loadCardFonts } from "./fonts.js";
import { releaseDrawings } from "./native-memory.js";
import { CardRenderer, type CardRequest } from "./render.js";

/** Cards to draw in a worker thread, in order. */
export interface CardTask {
  requests: CardRequest[];
  templatesDir: string | undefined;
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

let renderer: Promise<CardRenderer> | undefined;

/** One renderer per worker: fonts read and parsed once, reused for every card the worker draws. */
function workerRenderer(templatesDir: string | undefined): Promise<CardRenderer> {
  renderer ??= (async () =>
    new CardRenderer(
      await loadCardFonts(),
      await EmojiSet.load(),
      await loadTemplates(templatesDir),
      { afterRaster: releaseDrawings },
    ))();
  return renderer;
}

/** Lets the event loop turn, so finalizers free the pixels of drawings collected so far. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export default async function renderCards(task: CardTask): Promise<CardTaskResult> {
  try {
    const drawer = await workerRenderer(task.templatesDir);
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
