/**
 * `talkdeck preview`: a watch session and the preview server together. After
 * each build it works out which parts of the output changed (from the
 * SHA-256 digests the manifest keeps), so the page reloads only those, and
 * reads the quote candidates again. A failed build leaves the last good
 * output and candidates in place and shows its error.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { BuildOptions, BuildResult, TalkAsRead } from "../build-options.js";
import type { CliOverrides } from "../config/resolve.js";
import { TalkdeckError } from "../errors.js";
import { applyPick } from "./pick.js";
import type { BuildEvent } from "./rebuild.js";
import { type PreviewBackend, PreviewServer, type PreviewStatus } from "./server.js";
import { WatchSession } from "./session.js";
import { type PreviewState, pickView, readTalk } from "./state.js";
import type { ToggleRequest } from "./toggle.js";

export interface PreviewOptions {
  file: string;
  build: BuildOptions;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Quiet time after a save before building, in ms. */
  delay?: number;
  /** Each build's start and end, for the terminal. */
  onEvent?: (event: BuildEvent) => void;
}

export interface PreviewHandle {
  url: string;
  port: number;
  /** The page's session token (tests send it, and a wrong one). */
  token: string;
  status(): PreviewStatus;
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The digests of the files each pane shows, from a build's manifest. */
interface Parts {
  deck: string;
  cards: string;
}

async function readParts(outputDir: string): Promise<Parts> {
  const manifest = JSON.parse(await readFile(join(outputDir, "manifest.json"), "utf8")) as {
    digests?: Record<string, string>;
  };
  const digests = Object.entries(manifest.digests ?? {});
  return {
    deck: digests.find(([name]) => name === "deck.html")?.[1] ?? "",
    cards: JSON.stringify(digests.filter(([name]) => name.startsWith("cards/")).sort()),
  };
}

/** An error as the terminal shows it: ours formatted, anything else by its message. */
export function formatBuildError(error: unknown): string {
  if (error instanceof TalkdeckError) return error.format();
  return `internal error (please report it): ${(error as Error)?.message ?? String(error)}`;
}

function summary(result: BuildResult, ms: number): string {
  const kept = result.cards - result.cardsRendered;
  const took = `${(ms / 1000).toFixed(1)} s`;
  if (result.unchanged) return `up to date · ${result.slides} slides · ${result.cards} cards`;
  return `built in ${took} · ${result.slides} slides · ${result.cards} cards${kept > 0 ? ` (${kept} kept)` : ""}`;
}

/** The overrides of the command line that a read of the talk applies (as a build would). */
function overridesOf(build: BuildOptions): CliOverrides {
  return {
    ...(build.output === undefined ? {} : { output: build.output }),
    ...(build.theme === undefined ? {} : { theme: build.theme }),
  };
}

/** The talk previewed, as the candidates are read from it and the choices written to it. */
interface PreviewedTalk {
  file: string;
  overrides: CliOverrides;
}

/**
 * What the preview shows and what it follows, as the build events leave it:
 * the backend and the handle read it, the event handler writes it.
 */
interface LivePreview {
  status: PreviewStatus;
  state: PreviewState | undefined;
  outputDir: string | undefined;
  parts: Parts;
  /** The choices in flight, chained so that they apply one at a time. */
  picking: Promise<unknown>;
  /** Set once the server listens: the backend's choices rebuild through it. */
  session: WatchSession | undefined;
}

function backendFor(talk: PreviewedTalk, live: LivePreview): PreviewBackend {
  return {
    title: () => live.state?.title ?? basename(talk.file),
    outputDir: () => live.outputDir,
    status: () => live.status,
    state: () => live.state,
    pick: (request: ToggleRequest, seenHash: string) => {
      // One at a time: each choice reads the file the one before wrote.
      const next = live.picking.then(() => applyPick(talk.file, talk.overrides, request, seenHash));
      live.picking = next.catch(() => undefined);
      return next.then((written) => {
        if (written.changed) live.session?.rebuild();
        return written;
      });
    },
  };
}

/**
 * The candidates as the build read the file (or as it reads now, when the
 * build read nothing); the last good ones stay when it cannot be read.
 */
async function refreshState(
  talk: PreviewedTalk,
  live: LivePreview,
  read: TalkAsRead | undefined,
): Promise<boolean> {
  try {
    const view = await (read === undefined ? readTalk(talk.file, talk.overrides) : pickView(read));
    const next = view.state;
    const changed = JSON.stringify(next) !== JSON.stringify(live.state);
    live.state = next;
    return changed;
  } catch {
    return false;
  }
}

/**
 * A build's end: the output's parts and the candidates read again, the
 * versions of what changed bumped, then the status.
 */
async function recordBuildEnd(
  talk: PreviewedTalk,
  live: LivePreview,
  event: Exclude<BuildEvent, { kind: "building" }>,
): Promise<void> {
  const versions = { ...live.status.versions };
  if (event.kind === "built") {
    live.outputDir = event.result.outputDir;
    const next = await readParts(live.outputDir).catch(() => ({ deck: "?", cards: "?" }));
    if (next.deck !== live.parts.deck) versions.deck += 1;
    if (next.cards !== live.parts.cards) versions.cards += 1;
    live.parts = next;
    if (await refreshState(talk, live, event.read)) versions.state += 1;
    live.status = { phase: "ok", summary: summary(event.result, event.ms), versions };
  } else {
    // The choices' file may still read (an error in a template, a theme): its hash must be current.
    if (await refreshState(talk, live, event.read)) versions.state += 1;
    live.status = { phase: "error", error: formatBuildError(event.error), versions };
  }
}

/** Each build event: the status set, then the page told, then the terminal. */
function buildEventHandler(
  talk: PreviewedTalk,
  live: LivePreview,
  server: PreviewServer,
  options: PreviewOptions,
): (event: BuildEvent) => Promise<void> {
  return async (event) => {
    if (event.kind === "building") live.status = { ...live.status, phase: "building" };
    else await recordBuildEnd(talk, live, event);
    server.broadcast();
    options.onEvent?.(event);
  };
}

/** The handle `startPreview` returns: the server's address, and the session behind it. */
function previewHandle(
  server: PreviewServer,
  live: LivePreview,
  first: Promise<void>,
): PreviewHandle {
  return {
    url: server.url,
    port: server.port,
    token: server.token,
    status: () => live.status,
    idle: async () => {
      await first;
      await live.session?.idle();
    },
    close: async () => {
      // The page goes first; a build under way is let finish (it swaps its folder in whole).
      await server.close();
      await live.session?.close();
    },
  };
}

export async function startPreview(options: PreviewOptions): Promise<PreviewHandle> {
  const { file, build } = options;
  const talk: PreviewedTalk = { file, overrides: overridesOf(build) };
  const live: LivePreview = {
    status: { phase: "building", versions: { deck: 0, cards: 0, state: 0 } },
    state: undefined,
    outputDir: undefined,
    parts: { deck: "", cards: "" },
    picking: Promise.resolve(),
    session: undefined,
  };
  const server = await PreviewServer.listen(backendFor(talk, live), options.port ?? 0);
  live.session = new WatchSession({
    file,
    build,
    onEvent: buildEventHandler(talk, live, server, options),
    ...(options.delay === undefined ? {} : { delay: options.delay }),
  });
  const first = live.session.start();
  return previewHandle(server, live, first);
}
