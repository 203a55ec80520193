import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { closest } from "fastest-levenshtein";
import type { BuildContext } from "./build-context.js";
import type { BuildOptions, BuildResult } from "./build-options.js";
import { type BuiltCards, drawCards, planCards } from "./cards/build-cards.js";
import { loadEmojiSet } from "./cards/emoji.js";
import { type BuiltCarousel, buildCarousel } from "./carousel/build-carousel.js";
import type { ResolvedConfig } from "./config/model.js";
import { type BuiltDeck, buildDeck } from "./deck/build-deck.js";
import { embeddedFontCss } from "./deck/fonts-css.js";
import { ErrorCode, TalkdeckError } from "./errors.js";
import { loadAndResolve } from "./load-talk.js";
import {
  type CardEntry,
  type CarouselSection,
  galleryPage,
  type Manifest,
} from "./output/manifest.js";
import { OutputReuse } from "./output/reuse.js";
import { hashInputs } from "./output/up-to-date.js";
import {
  GENERATOR,
  MANIFEST,
  type OutputFile,
  OutputFolder,
  type WrittenFiles,
} from "./output/write.js";
import { type Selection, select } from "./select.js";
import type { Source } from "./source.js";
import { parseTalk } from "./talk/parse.js";
import { loadTemplates, type TemplateRegistry } from "./templates.js";
import { version } from "./version.js";

/** The card layout must name a template: `cards/<layout>.html.hbs`, ours or the user's. */
function checkCardLayout(templates: TemplateRegistry, config: ResolvedConfig): void {
  if (templates.has(`cards/${config.cards.layout}.html.hbs`)) return;
  const layouts = [...templates.keys()]
    .filter((name) => name.startsWith("cards/"))
    .map((name) => name.slice("cards/".length, -".html.hbs".length));
  throw new TalkdeckError(
    ErrorCode.UnknownTemplate,
    `unknown card layout \`${config.cards.layout}\``,
    {
      location: config.locate(["cards", "layout"]),
      hint: `did you mean \`${closest(config.cards.layout, layouts)}\`? Layouts: ${layouts.join(", ")}`,
    },
  );
}

/** A finished build: its result, the local files it read, and every file it wrote. */
export interface PipelineRun {
  result: BuildResult;
  inputs: Array<{ path: string; hash: string }>;
  outputNames: string[];
  /** Carousel images drawn in this build (the rest were unchanged and reused). */
  carouselRendered: number;
}

interface RenderInputs {
  selection: Selection;
  templates: TemplateRegistry;
  talkSource: Source;
  specSource: Source | undefined;
  options: BuildOptions;
}

/** The gallery and the manifest, written last: the manifest marks the folder as a finished build. */
function galleryAndManifest(
  base: Omit<Manifest, "cards" | "carousel" | "files" | "digests">,
  entries: readonly CardEntry[],
  carousel: CarouselSection | undefined,
  written: WrittenFiles,
): Promise<OutputFile[]> {
  // A card another shard draws is listed once it is there.
  const present = new Set(written.names);
  const manifest: Manifest = {
    ...base,
    // By name: the deck and the cards are made at once, and record their hashes in either order.
    hashes: Object.fromEntries(
      Object.entries(base.hashes)
        .filter(([name]) => present.has(name))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    cards: entries.filter((entry) => present.has(entry.file)),
    ...(carousel === undefined ? {} : { carousel }),
    files: [...written.names, "index.html"],
    digests: written.digests,
  };
  // The gallery embeds the fonts its own text needs, like the deck: no tofu where CJK fonts are missing.
  const galleryText = [
    manifest.talk.title,
    ...manifest.cards.flatMap((card) => [card.text, card.speaker, card.alt]),
    ...(carousel?.images ?? []).map((image) => image.alt),
  ].join("\n");
  return embeddedFontCss(galleryText).then((fontCss) => [
    { name: "index.html", data: galleryPage(manifest, fontCss) },
    { name: MANIFEST, data: `${JSON.stringify(manifest, null, 2)}\n` },
  ]);
}

/** Both results once both have settled; the first failure (the deck's first) otherwise. */
async function bothOrThrow<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
  return [a.value, b.value];
}

interface Built {
  deck: BuiltDeck;
  cards: BuiltCards;
  carousel: BuiltCarousel;
  files: string[];
}

/** Renders the deck, the cards and the carousel into the new output folder, and swaps it in. */
async function renderInto(
  folder: OutputFolder,
  { selection, templates, talkSource, specSource, options }: RenderInputs,
): Promise<Built> {
  const outputs = new OutputReuse(folder.dir, folder.previous);
  const context: BuildContext = { selection, templates, emoji: await loadEmojiSet(), outputs };
  // The cards are planned and sent to the workers first: they are drawn while this thread makes the deck.
  // Drawn cards go straight into the new folder.
  const plan = await planCards(context, options.shard);
  const drawing = drawCards(plan, context, folder, {
    jobs: options.jobs ?? availableParallelism(),
    ...(options.cardPool === undefined ? {} : { pool: options.cardPool }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const making = buildDeck(context, {
    required: options.formats ?? [],
    allowRemote: options.allowRemote ?? false,
    userSlides: specSource?.body,
    browser: options.browser,
  });
  // Both are let finish before a failure is thrown: nothing may still write into a discarded folder.
  const [deck, cards] = await bothOrThrow(making, drawing);
  // Every shard draws the whole carousel: it is a dozen images, and a shard that
  // finds another's unchanged in the folder reuses them.
  const carousel = await buildCarousel(context);
  const base = {
    generator: GENERATOR,
    version,
    talk: {
      file: relative(selection.config.outputDir, talkSource.file),
      title: selection.meta.title,
      lang: selection.meta.lang,
    },
    theme: selection.config.theme.name,
    deck: { markdown: "deck.md", html: "deck.html", slides: deck.slides },
    hashes: outputs.hashes,
  } satisfies Omit<Manifest, "cards" | "carousel" | "files" | "digests">;
  const written = await folder.commit([...deck.files, ...cards.files, ...carousel.files], (so) =>
    galleryAndManifest(base, cards.entries, carousel.section, so),
  );
  return { deck, cards, carousel, files: written.names };
}

/** Runs the whole pipeline for one talk: everything is rendered in memory, then written. */
export async function runPipeline(file: string, options: BuildOptions): Promise<PipelineRun> {
  const { talk: talkSource, spec: specSource, config } = await loadAndResolve(file, options);
  // Hashed as read, before the slow part: an edit made while building is a change next time.
  const inputs = await hashInputs(config.inputFiles);
  const talk = parseTalk(talkSource.body, talkSource.file, config.hints);
  const selection = select(talk, config);
  options.onRead?.({ source: talkSource, specSource, talk, selection });
  const templates = await loadTemplates(options.templatesDir);
  checkCardLayout(templates, config);
  const protectedFiles = [talkSource.file, ...(specSource === undefined ? [] : [specSource.file])];
  // Fail before the slow part: refuse a folder of the user's own files now, not after rendering.
  const folder = await OutputFolder.open(config.outputDir, protectedFiles);
  let built: Built;
  try {
    built = await renderInto(folder, {
      selection,
      templates,
      talkSource,
      specSource,
      options,
    });
  } catch (error) {
    await folder.discard();
    throw error;
  }
  const { deck, cards, carousel, files: outputNames } = built;
  const written = new Set(outputNames);
  return {
    result: {
      outputDir: config.outputDir,
      slides: deck.slides,
      // A shard counts the cards now in the folder, not those another shard has yet to draw.
      cards: cards.entries.filter((entry) => written.has(entry.file)).length,
      cardsRendered: cards.rendered,
      ...(carousel.section === undefined ? {} : { carouselImages: carousel.section.images.length }),
      files: outputNames,
      notes: [...selection.notes, ...deck.notes],
      missingExports: deck.missing,
      unchanged: false,
    },
    inputs,
    outputNames,
    carouselRendered: carousel.rendered,
  };
}
