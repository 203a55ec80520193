// npm run build && node bench/card-fit.mjs [--quotes N] [--corpus DIR]
// Issue 14 item 7: fitting a card's font size by the wrap model (fit-model.ts) against a search
// seeded by an area estimate from satori's layout boxes (onNodeDetected). Every quote of the example
// and of the corpus talks (read in place) at every card size, both methods interleaved in one run:
// median time per card (the fitted SVG, glyphs embedded: what a build draws), satori passes per card,
// cards whose font size or SVG differ, and whole-card PNG bytes for the example.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = (path) => import(join(root, "dist", path));
const { readSource } = await dist("source.js");
const { parseTalk } = await dist("talk/parse.js");
const { cardSizePresets, toCardSize } = await dist("config/sizes.js");
const { builtInThemes } = await dist("theme/tokens.js");
const { CardRenderer, fitStats } = await dist("cards/render.js");
const { estimateFit } = await dist("cards/capacity.js");
const { cardLayout } = await dist("cards/layout.js");
const { loadCardFonts } = await dist("cards/fonts.js");
const { EmojiSet } = await dist("cards/emoji.js");
const { encodePng } = await dist("cards/png.js");
const { releaseDrawings } = await dist("cards/native-memory.js");
const { loadTemplates } = await dist("templates.js");

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const perTalk = Number(option("--quotes", "Infinity"));
const corpus = option("--corpus", process.env.TALKDECK_CORPUS ?? join(root, "../shared/corpus"));
const cases = join(corpus, "cases");
const example = join(root, "examples/devday-2024/talk.md");
const files = [
  example,
  ...readdirSync(cases)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => join(cases, file)),
];
const sizes = Object.keys(cardSizePresets).map(toCardSize);
const renderer = new CardRenderer(
  await loadCardFonts(),
  await EmojiSet.load(),
  await loadTemplates(),
);

/** One card per quote and size; quotes that cannot fit the size at all are left out (no drawing). */
function requestsOf(file) {
  const source = readSource(readFileSync(file, "utf8"), file);
  const talk = parseTalk(source.body, file);
  const quotes = [...talk.quotes].sort((a, b) => b.score - a.score).slice(0, perTalk);
  return quotes.flatMap((quote) =>
    sizes
      .filter((size) => !estimateFit(quote.text, size).impossible)
      .map((size) => ({
        file,
        quote,
        speakerTitle: talk.speakers.find((speaker) => speaker.name === quote.speaker)?.title,
        size,
        theme: builtInThemes.midnight,
        talkTitle: talk.meta.title,
        event: source.data?.event,
        handle: "@talkdeck",
        layout: "classic",
        lang: talk.meta.lang,
      })),
  );
}

async function fitBy(request, method) {
  const passes = fitStats.passes;
  const start = performance.now();
  let result;
  try {
    result = await renderer.svgBy(request, method);
  } catch (error) {
    if (error?.code === undefined) throw error;
    result = { svg: "", fontSize: `error ${error.code}` };
  }
  return { ...result, ms: performance.now() - start, passes: fitStats.passes - passes };
}

const png = (svg) =>
  encodePng(
    (() => {
      const image = new Resvg(svg, {
        font: { loadSystemFonts: false },
        fitTo: { mode: "original" },
      }).render();
      return { width: image.width, height: image.height, pixels: image.pixels };
    })(),
  );

const methods = ["model", "area"];
const stats = Object.fromEntries(
  methods.map((m) => [m, { ms: [], passes: [], shrunk: [], shrunkMs: [] }]),
);
let cards = 0;
let sizeDiffers = 0;
let svgDiffers = 0;
let pngCompared = 0;
let pngDiffers = 0;
const differing = [];
// Warm up fonts, emoji and templates for both methods before timing.
const requests = files.flatMap(requestsOf);
for (const request of requests.slice(0, 12)) for (const m of methods) await fitBy(request, m);
for (const [index, request] of requests.entries()) {
  // Interleaved, and the order alternates, so neither method always runs with the warmer cache.
  const order = index % 2 === 0 ? methods : [...methods].reverse();
  const results = {};
  for (const m of order) results[m] = await fitBy(request, m);
  cards += 1;
  const shrunk = results.model.fontSize !== cardLayout(request.size).maxFont;
  for (const m of methods) {
    stats[m].ms.push(results[m].ms);
    stats[m].passes.push(results[m].passes);
    if (shrunk) {
      stats[m].shrunk.push(results[m].passes);
      stats[m].shrunkMs.push(results[m].ms);
    }
  }
  if (results.model.fontSize !== results.area.fontSize) {
    sizeDiffers += 1;
    // The reference: the full search by measuring (render.ts #search), what both must find.
    const full = await renderer.fitFontSize(request, { exhaustive: true });
    differing.push(
      `${request.quote.id} ${request.size.name}: model ${results.model.fontSize}, area ${results.area.fontSize}, full search ${full}`,
    );
  }
  if (results.model.svg !== results.area.svg) svgDiffers += 1;
  if (request.file === example && results.model.svg !== "") {
    pngCompared += 1;
    if (!png(results.model.svg).equals(png(results.area.svg))) pngDiffers += 1;
    // resvg's pixels are freed only when V8 collects their objects (native-memory.ts).
    releaseDrawings();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const sum = (values) => values.reduce((total, value) => total + value, 0);
console.log(`${cards} cards (${files.length} talks × ${sizes.length} sizes, classic layout)`);
for (const m of methods) {
  const { ms, passes, shrunk, shrunkMs } = stats[m];
  console.log(
    `${m.padEnd(6)} median ${median(ms).toFixed(2)} ms/card (${median(shrunkMs).toFixed(2)} below the largest size), ` +
      `total ${(sum(ms) / 1000).toFixed(1)} s; ` +
      `satori passes ${mean(passes).toFixed(2)}/card (max ${Math.max(...passes)}), ` +
      `${mean(shrunk).toFixed(2)}/card on the ${shrunk.length} cards below the largest size`,
  );
}
console.log(
  `area/model: median ${(median(stats.area.ms) / median(stats.model.ms)).toFixed(3)}, ` +
    `median below the largest size ${(median(stats.area.shrunkMs) / median(stats.model.shrunkMs)).toFixed(3)}, ` +
    `total ${(sum(stats.area.ms) / sum(stats.model.ms)).toFixed(3)}`,
);
console.log(`font size differs: ${sizeDiffers} cards; SVG differs: ${svgDiffers} cards`);
console.log(`example PNG bytes differ: ${pngDiffers} of ${pngCompared} cards`);
for (const line of differing.slice(0, 20)) console.log(`  ${line}`);
