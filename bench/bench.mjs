// npm run bench: quote cards the naive way, the resvg-only floor, and talkdeck's pipeline,
// measured in one run on this machine (ratios, not absolute times, are what compare across machines).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = (path) => join(root, "dist", path);
const { readSource } = await import(dist("source.js"));
const { parseTalk } = await import(dist("talk/parse.js"));
const { toCardSize } = await import(dist("config/sizes.js"));
const { builtInThemes } = await import(dist("theme/tokens.js"));
const { CardRenderer } = await import(dist("cards/render.js"));
const { loadCardFonts } = await import(dist("cards/fonts.js"));
const { EmojiSet } = await import(dist("cards/emoji.js"));
const { CardPool } = await import(dist("cards/pool.js"));
const { loadTemplates } = await import(dist("templates.js"));

const talkOf = (file) => {
  const source = readSource(readFileSync(join(root, "test/fixtures/talks", file), "utf8"), file);
  return parseTalk(source.body, file);
};
const sample = talkOf("devday-2024-fireside.zh.md");
const english = talkOf("quotes-unbolded.en.md");
// 20 quotes: the sample's 15 and 5 English ones.
const quotes = [...sample.quotes, ...english.quotes].slice(0, 20);
const SIZES = ["square", "landscape", "story"];
const requests = (count) =>
  Array.from({ length: count }, (_, index) => {
    const quote = quotes[Math.floor(index / SIZES.length) % quotes.length];
    return {
      quote,
      size: toCardSize(SIZES[index % SIZES.length]),
      theme: builtInThemes.midnight,
      talkTitle: sample.meta.title,
      handle: "@talkdeck",
      layout: "classic",
      lang: /[\u4e00-\u9fff]/.test(quote.text) ? "zh" : "en",
    };
  });

/** Wall time, per-card median and peak RSS (this process and its worker threads) of `run`. */
async function measure(label, count, run) {
  const durations = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  await run((ms) => durations.push(ms));
  const wall = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  durations.sort((a, b) => a - b);
  const median = durations.length > 0 ? durations[Math.floor(durations.length / 2)] : wall / count;
  return {
    label,
    cards: count,
    wallMs: Math.round(wall),
    medianMs: Math.round(median * 10) / 10,
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
}

/** The simplest satori example: the full Noto Sans SC TTF (10.5 MB) read and parsed again for every card, one thread, no fitting. */
async function naive(count, onCard) {
  const require = createRequire(join(root, "package.json"));
  const noto = dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));
  const inter = dirname(require.resolve("@fontsource/inter/package.json"));
  for (const request of requests(count)) {
    const start = performance.now();
    const fonts = [
      {
        name: "Inter",
        data: readFileSync(join(inter, "files/inter-latin-700-normal.woff")),
        weight: 700,
      },
      {
        name: "Noto Sans SC",
        data: readFileSync(join(noto, "700Bold/NotoSansSC_700Bold.ttf")),
        weight: 700,
      },
    ];
    const { width, height } = request.size;
    const svg = await satori(
      {
        type: "div",
        props: {
          style: {
            display: "flex",
            width: "100%",
            height: "100%",
            padding: 80,
            background: "#0f172a",
            color: "#f8fafc",
            fontSize: 56,
            fontWeight: 700,
            fontFamily: "Inter, Noto Sans SC",
          },
          children: request.quote.text,
        },
      },
      { width, height, fonts },
    );
    new Resvg(svg).render().asPng();
    onCard(performance.now() - start);
  }
}

/** One stage in this process: prints its row as JSON on stdout. */
async function stage(name, count) {
  let row;
  if (name === "floor") {
    const renderer = new CardRenderer(
      await loadCardFonts(),
      await EmojiSet.load(),
      await loadTemplates(),
    );
    // The same SVGs talkdeck draws, made first, then only rasterised.
    const svgs = [];
    for (const request of requests(Math.min(count, 60)))
      svgs.push((await renderer.svg(request)).svg);
    row = await measure("floor: resvg only, 1 thread", count, async (onCard) => {
      for (let index = 0; index < count; index += 1) {
        const start = performance.now();
        new Resvg(svgs[index % svgs.length], { font: { loadSystemFonts: false } }).render().asPng();
        onCard(performance.now() - start);
      }
    });
  } else if (name === "naive") {
    row = await measure("naive: fonts per card, 1 thread", count, (onCard) => naive(count, onCard));
  } else {
    const threads = Number(name.replace("pool", ""));
    row = await measure(`talkdeck: pool of ${threads}`, count, async () => {
      const pool = new CardPool(threads);
      try {
        // PNGs are handed over as they come and dropped, as the floor drops its own.
        await pool.renderEach(requests(count), await loadTemplates(), () => {});
      } finally {
        await pool.destroy();
      }
    });
  }
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

/** Runs a stage in a fresh process, so one stage's memory (resvg keeps some) does not count against the next. */
function runStage(name, count) {
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, fileURLToPath(import.meta.url), "--stage", name, String(count)],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`stage ${name} failed: ${run.stderr}`);
  const row = JSON.parse(run.stdout.trim().split("\n").pop());
  const rssKb = Number(run.stderr.trim().split("\n").pop());
  return { ...row, peakRssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : row.peakRssMb };
}

async function main() {
  const counts = process.argv.includes("--quick") ? [60] : [60, 1000];
  const rows = [];
  for (const count of counts) {
    const stages = ["floor", ...(count <= 60 ? ["naive"] : []), "pool1", "pool2"];
    for (const name of stages) {
      process.stderr.write(`bench: ${name} × ${count}…\n`);
      rows.push(runStage(name, count));
    }
  }

  // Whole builds of the example, in a fresh process each: cold, then again with nothing changed.
  const out = mkdtempSync(join(tmpdir(), "talkdeck-bench-"));
  const build = () => {
    const start = performance.now();
    const run = spawnSync(
      "/usr/bin/time",
      [
        "-f",
        "%M",
        process.execPath,
        dist("cli.js"),
        "build",
        "examples/devday-2024/talk.md",
        "-o",
        out,
        "-q",
      ],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const rssKb = Number(run.stderr.trim().split("\n").pop());
    return {
      wallMs: Math.round(performance.now() - start),
      peakRssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : undefined,
    };
  };
  const cold = build();
  const rebuild = build();
  rmSync(out, { recursive: true, force: true });

  const find = (label, count) => rows.find((row) => row.label === label && row.cards === count);
  const ratios = {};
  for (const count of counts) {
    const floor = find("floor: resvg only, 1 thread", count);
    const naiveRow = find("naive: fonts per card, 1 thread", count);
    const best = find("talkdeck: pool of 2", count);
    ratios[count] = {
      talkdeckOverFloor: Math.round((best.wallMs / floor.wallMs) * 100) / 100,
      ...(naiveRow === undefined
        ? {}
        : { naiveOverTalkdeck: Math.round((naiveRow.wallMs / best.wallMs) * 100) / 100 }),
    };
  }
  const result = {
    machine: { cores: availableParallelism(), node: process.version },
    rows,
    ratios,
    build: {
      cold,
      rebuild,
      rebuildOverCold: Math.round((rebuild.wallMs / cold.wallMs) * 100) / 100,
    },
  };
  console.table(rows);
  console.log("ratios (same run):", JSON.stringify(ratios));
  console.log("example build:", JSON.stringify(result.build));
  mkdirSync(join(root, "out"), { recursive: true });
  writeFileSync(join(root, "out", "bench.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("written: out/bench.json");
  // The preview's edit loop, in a process of its own (bench/preview.mjs).
  spawnSync(process.execPath, [join(root, "bench", "preview.mjs")], { stdio: "inherit" });
}

const stageAt = process.argv.indexOf("--stage");
if (stageAt === -1) await main();
else await stage(process.argv[stageAt + 1], Number(process.argv[stageAt + 2]));
