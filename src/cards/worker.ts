import { TalkdeckError } from "../errors.js";
import { loadTemplates } from "../templates.js";
import { EmojiSet } from "./emoji.js";
import { loadCardFonts } from "./fonts.js";
import { releaseDrawings } from "./native-memory.js";
import { CardRenderer, type CardRequest } from "./render.js";

/** A card to draw in a worker thread. */
export interface CardTask {
  request: CardRequest;
  templatesDir: string | undefined;
}

/** A TalkdeckError does not survive the thread boundary as itself: it travels as data. */
export type CardTaskResult =
  | { png: Uint8Array }
  | { error: { code: TalkdeckError["code"]; message: string; hint: string | undefined } };

let renderer: Promise<CardRenderer> | undefined;

/** One renderer per worker: fonts read and parsed once, reused for every card the worker draws. */
function workerRenderer(templatesDir: string | undefined): Promise<CardRenderer> {
  renderer ??= (async () =>
    new CardRenderer(
      await loadCardFonts(),
      await EmojiSet.load(),
      await loadTemplates(templatesDir),
    ))();
  return renderer;
}

export default async function renderCard(task: CardTask): Promise<CardTaskResult> {
  try {
    const card = await (await workerRenderer(task.templatesDir)).render(task.request);
    releaseDrawings();
    return { png: card.png };
  } catch (error) {
    if (error instanceof TalkdeckError) {
      return { error: { code: error.code, message: error.message, hint: error.hint } };
    }
    throw error;
  }
}
