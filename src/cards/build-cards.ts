import type { BuildCache } from "../output/cache.js";
import { contentHash } from "../output/cache.js";
import { type CardEntry, cardFileName } from "../output/manifest.js";
import type { OutputFile } from "../output/write.js";
import type { Selection } from "../select.js";
import type { ResolvedSpec } from "../spec/model.js";
import type { TemplateRegistry } from "../templates.js";
import { version } from "../version.js";
import { altText } from "./alt-text.js";
import type { EmojiSet } from "./emoji.js";
import { loadLogo } from "./logo.js";
import type { CardRenderer, CardRequest } from "./render.js";

export interface BuiltCards {
  files: OutputFile[];
  entries: CardEntry[];
  /** How many were drawn (the rest were unchanged and reused). */
  rendered: number;
}

async function createRenderer(emoji: EmojiSet, templates: TemplateRegistry): Promise<CardRenderer> {
  const [{ CardRenderer }, { loadCardFonts }] = await Promise.all([
    import("./render.js"),
    import("./fonts.js"),
  ]);
  return new CardRenderer(await loadCardFonts(), emoji, templates);
}

/** Everything a card's pixels depend on: the same hash means the same PNG. */
function cardHash(request: CardRequest, templates: TemplateRegistry): string {
  const template = templates.get(`cards/${request.layout}.html.hbs`)?.source ?? "";
  const { quote, logo, ...rest } = request;
  return contentHash(
    version,
    template,
    JSON.stringify({ ...rest, quote: { id: quote.id, text: quote.text, speaker: quote.speaker } }),
    logo?.dataUri ?? "",
  );
}

/** The quote cards of a selection, in memory; unchanged ones are read back from the previous build. */
export async function buildCards(
  selection: Selection,
  spec: ResolvedSpec,
  templates: TemplateRegistry,
  emoji: EmojiSet,
  cache: BuildCache,
): Promise<BuiltCards> {
  const files: OutputFile[] = [];
  const entries: CardEntry[] = [];
  if (selection.cardQuotes.length === 0 || selection.sizes.length === 0)
    return { files, entries, rendered: 0 };
  const logo =
    spec.cards.logo === undefined
      ? undefined
      : await loadLogo(spec.cards.logo, spec.locate(["cards", "logo"]));
  let renderer: CardRenderer | undefined;
  let rendered = 0;
  for (const quote of selection.cardQuotes) {
    const speakerTitle = selection.talk.speakers.find(
      (speaker) => speaker.name === quote.speaker,
    )?.title;
    for (const size of selection.sizes) {
      const request: CardRequest = {
        quote,
        speakerTitle,
        size,
        theme: selection.theme,
        talkTitle: selection.meta.title,
        handle: selection.handle,
        logo,
        layout: spec.cards.layout,
        lang: selection.meta.lang,
      };
      const name = cardFileName(quote.id, size);
      const hash = cardHash(request, templates);
      const [reused] = (await cache.reuse([name], hash)) ?? [];
      if (reused !== undefined) files.push(reused);
      else {
        // satori, resvg and the fonts load only when a card has to be drawn: a rebuild
        // with nothing changed loads none of them.
        renderer ??= await createRenderer(emoji, templates);
        files.push({ name, data: (await renderer.render(request)).png });
        cache.record([name], hash);
        rendered += 1;
      }
      entries.push({
        file: name,
        quoteId: quote.id,
        preset: size.name,
        width: size.width,
        height: size.height,
        speaker: quote.speaker,
        text: quote.text,
        alt: altText(quote),
      });
    }
  }
  return { files, entries, rendered };
}
