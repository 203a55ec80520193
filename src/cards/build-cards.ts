import type { BuildContext } from "../build-context.js";
import { type CardEntry, cardFileName } from "../output/manifest.js";
import { contentHash } from "../output/reuse.js";
import type { Staging } from "../output/staging.js";
import type { BuildFile } from "../output/write.js";
import type { TemplateRegistry } from "../templates.js";
import { version } from "../version.js";
import { altText } from "./alt-text.js";
import type { EmojiSet } from "./emoji.js";
import { loadLogo } from "./logo.js";
import type { CardPool } from "./pool.js";
import type { CardRequest } from "./render.js";

export interface BuiltCards {
  files: BuildFile[];
  entries: CardEntry[];
  /** How many were drawn (the rest were unchanged and reused). */
  rendered: number;
}

export interface CardOptions {
  /** Worker threads for drawing; 1 draws in this thread. */
  jobs: number;
  /** A pool kept warm by the caller (a watch session): used for any number of cards, and left running. */
  pool?: CardPool;
  /** Called after each card is drawn, with the number drawn and the number to draw. */
  onProgress?: (done: number, total: number) => void;
}

/** Below this many cards to draw, starting worker threads costs more than it saves. */
const MIN_CARDS_FOR_WORKERS = 16;

/** Everything a card's pixels depend on: the same hash means the same PNG. */
function cardHash(request: CardRequest, templates: TemplateRegistry): string {
  const template = templates.get(`cards/${request.layout}.html.hbs`)?.source ?? "";
  // The origin only names a place in messages: moving the front matter redraws nothing.
  const { quote, logo, origin: _origin, ...rest } = request;
  return contentHash(
    version,
    template,
    JSON.stringify({ ...rest, quote: { id: quote.id, text: quote.text, speaker: quote.speaker } }),
    logo?.dataUri ?? "",
  );
}

/** Draws the cards in this thread or on a worker pool, handing each PNG to `onCard` as it is drawn. */
async function draw(
  requests: readonly CardRequest[],
  emoji: EmojiSet,
  templates: TemplateRegistry,
  options: CardOptions,
  onCard: (index: number, png: Buffer) => Promise<void>,
): Promise<void> {
  let done = 0;
  const handOver = async (index: number, png: Buffer) => {
    await onCard(index, png);
    options.onProgress?.(++done, requests.length);
  };
  if (options.pool !== undefined) {
    await options.pool.renderEach(requests, templates, handOver);
    return;
  }
  if (options.jobs > 1 && requests.length >= MIN_CARDS_FOR_WORKERS) {
    const { CardPool } = await import("./pool.js");
    const pool = new CardPool(Math.min(options.jobs, requests.length));
    try {
      await pool.renderEach(requests, templates, handOver);
      return;
    } finally {
      await pool.destroy();
    }
  }
  // satori, resvg and the fonts load only when a card has to be drawn: a rebuild
  // with nothing changed loads none of them.
  const [{ CardRenderer }, { loadCardFonts }] = await Promise.all([
    import("./render.js"),
    import("./fonts.js"),
  ]);
  const renderer = new CardRenderer(await loadCardFonts(), emoji, templates);
  for (const [index, request] of requests.entries()) {
    await handOver(index, (await renderer.render(request)).png);
  }
}

/** One card of the selection: its file, its hash, what to draw, and its previous file when unchanged. */
interface PlannedCard {
  name: string;
  hash: string;
  request: CardRequest;
  file?: BuildFile;
}

/** The cards a selection makes, with those the previous build made unchanged already found. */
export interface CardPlan {
  cards: PlannedCard[];
  entries: CardEntry[];
}

/**
 * Lists the cards of a selection and finds the unchanged ones in the
 * previous build; nothing is drawn yet. The build plans first and draws
 * after, so the drawing starts on the workers before the deck takes this
 * thread.
 */
export async function planCards(
  { selection, templates, outputs }: BuildContext,
  /** `{ index: 1, count: 2 }`: this run draws every second card, starting with the first. */
  shard: { index: number; count: number } | undefined,
): Promise<CardPlan> {
  const { config } = selection;
  const entries: CardEntry[] = [];
  const cards: PlannedCard[] = [];
  if (selection.cardQuotes.length === 0 || config.cards.sizes.length === 0)
    return { cards, entries };
  const logo =
    config.cards.logo === undefined
      ? undefined
      : await loadLogo(config.cards.logo, config.locate(["cards", "logo"]));
  let position = 0;
  for (const quote of selection.cardQuotes) {
    const speakerTitle = selection.talk.speakers.find(
      (speaker) => speaker.name === quote.speaker,
    )?.title;
    for (const size of config.cards.sizes) {
      position += 1;
      const mine = shard === undefined || (position - 1) % shard.count === shard.index - 1;
      const request: CardRequest = {
        quote,
        speakerTitle,
        size,
        theme: config.theme,
        talkTitle: selection.meta.title,
        event: selection.meta.event,
        handle: config.cards.handle,
        logo,
        layout: config.cards.layout,
        lang: selection.meta.lang,
        origin: selection.cardOrigins.get(quote.id),
      };
      const name = cardFileName(quote.id, size);
      const hash = cardHash(request, templates);
      // Another shard's card: kept when that shard has already put it in the folder.
      const [reused] = mine
        ? ((await outputs.keep([name], hash)) ?? [])
        : [{ kind: "pending" as const, name, hash }];
      if (!mine) outputs.record([name], hash);
      cards.push(
        reused === undefined ? { name, hash, request } : { name, hash, request, file: reused },
      );
      entries.push({
        file: name,
        quoteId: quote.id,
        preset: size.name,
        width: size.width,
        height: size.height,
        speaker: quote.speaker,
        text: quote.text,
        alt: altText(quote),
        ...(selection.paraphrased.has(quote.id) ? { paraphrased: true as const } : {}),
      });
    }
  }
  return { cards, entries };
}

/** Draws the planned cards that changed, straight into the new folder. */
export async function drawCards(
  plan: CardPlan,
  { templates, emoji, outputs }: BuildContext,
  staging: Staging,
  options: CardOptions,
): Promise<BuiltCards> {
  const toDraw = plan.cards.filter((card) => card.file === undefined);
  if (toDraw.length > 0) {
    await draw(
      toDraw.map((card) => card.request),
      emoji,
      templates,
      options,
      async (index, png) => {
        const card = toDraw[index];
        if (card !== undefined) card.file = await staging.put(card.name, png);
      },
    );
    // In the cards' order, not the order threads finish them: the manifest is the same bytes whatever --jobs is.
    for (const card of toDraw) outputs.record([card.name], card.hash);
  }
  return {
    files: plan.cards.flatMap((card) => card.file ?? []),
    entries: plan.entries,
    rendered: toDraw.length,
  };
}
