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
import { TalkdeckError } from "../errors.js";
import type { CliOverrides } from "../spec/resolve.js";
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

export async function startPreview(options: PreviewOptions): Promise<PreviewHandle> {
  const { file, build } = options;
  const overrides: CliOverrides = {
    ...(build.output === undefined ? {} : { output: build.output }),
    ...(build.theme === undefined ? {} : { theme: build.theme }),
  };
  let status: PreviewStatus = { phase: "building", versions: { deck: 0, cards: 0, state: 0 } };
  let state: PreviewState | undefined;
  let outputDir: string | undefined;
  let parts: Parts = { deck: "", cards: "" };
  let picking: Promise<unknown> = Promise.resolve();
  let session: WatchSession | undefined;

  const backend: PreviewBackend = {
    title: () => state?.title ?? basename(file),
    outputDir: () => outputDir,
    status: () => status,
    state: () => state,
    pick: (request: ToggleRequest, seenHash: string) => {
      // One at a time: each choice reads the file the one before wrote.
      const next = picking.then(() => applyPick(file, overrides, request, seenHash));
      picking = next.catch(() => undefined);
      return next.then((written) => {
        if (written.changed) session?.rebuild();
        return written;
      });
    },
  };
  const server = await PreviewServer.listen(backend, options.port ?? 0);

  /**
   * The candidates as the build read the file (or as it reads now, when the
   * build read nothing); the last good ones stay when it cannot be read.
   */
  const refreshState = async (read: TalkAsRead | undefined): Promise<boolean> => {
    try {
      const next = (await (read === undefined ? readTalk(file, overrides) : pickView(read))).state;
      const changed = JSON.stringify(next) !== JSON.stringify(state);
      state = next;
      return changed;
    } catch {
      return false;
    }
  };

  const onEvent = async (event: BuildEvent): Promise<void> => {
    const versions = { ...status.versions };
    if (event.kind === "building") {
      status = { ...status, phase: "building" };
    } else if (event.kind === "built") {
      outputDir = event.result.outputDir;
      const next = await readParts(outputDir).catch(() => ({ deck: "?", cards: "?" }));
      if (next.deck !== parts.deck) versions.deck += 1;
      if (next.cards !== parts.cards) versions.cards += 1;
      parts = next;
      if (await refreshState(event.read)) versions.state += 1;
      status = { phase: "ok", summary: summary(event.result, event.ms), versions };
    } else {
      // The choices' file may still read (an error in a template, a theme): its hash must be current.
      if (await refreshState(event.read)) versions.state += 1;
      status = { phase: "error", error: formatBuildError(event.error), versions };
    }
    server.broadcast();
    options.onEvent?.(event);
  };

  session = new WatchSession({
    file,
    build,
    onEvent,
    ...(options.delay === undefined ? {} : { delay: options.delay }),
  });
  const first = session.start();
  return {
    url: server.url,
    port: server.port,
    token: server.token,
    status: () => status,
    idle: async () => {
      await first;
      await session?.idle();
    },
    close: async () => {
      // The page goes first; a build under way is let finish (it swaps its folder in whole).
      await server.close();
      await session?.close();
    },
  };
}
