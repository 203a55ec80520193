/**
 * A watch session: builds a talk, then builds it again whenever a file it
 * reads changes (the talk, its spec file, theme tokens, logo, cover, the
 * user's templates). Shared by `build --watch` and `preview`.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { buildTalk } from "../build.js";
import type { BuildOptions } from "../build-options.js";
import { CardPool } from "../cards/pool.js";
import { loadAndResolve } from "../load-talk.js";
import { type BuildEvent, Rebuilder } from "./rebuild.js";
import { InputWatcher } from "./watch.js";

export interface WatchSessionOptions {
  file: string;
  build: BuildOptions;
  /** Called for each build's start and end; awaited before the next build. */
  onEvent: (event: BuildEvent) => void | Promise<void>;
  /** Quiet time after a save before building, in ms. */
  delay?: number;
}

export class WatchSession {
  readonly #rebuilder: Rebuilder;
  readonly #watcher: InputWatcher;
  readonly #options: WatchSessionOptions;
  /** What the last readable settings listed: still watched while the files cannot be read. */
  #inputs: string[] = [];
  #builds = 0;
  /** Card threads kept warm from build to build: an edit's cards start on parsed fonts. */
  #pool: CardPool | undefined;

  constructor(options: WatchSessionOptions) {
    this.#options = options;
    this.#watcher = new InputWatcher(() => this.rebuild(), options.delay);
    this.#rebuilder = new Rebuilder(
      // `--force` forces the first build only: a rebuild after a save redraws just what changed.
      (onRead) =>
        buildTalk(options.file, {
          ...options.build,
          cardPool: this.#cardPool(),
          force: this.#builds++ === 0 ? options.build.force : false,
          onRead,
        }),
      async (event) => {
        // What to watch is read again after each build: a new logo or theme file is watched from then on.
        if (event.kind !== "building")
          await this.#refreshWatch(event.read?.selection.config.inputFiles);
        await options.onEvent(event);
      },
    );
  }

  /** The first build; later ones follow changes. */
  start(): Promise<void> {
    this.#watcher.watchOnly([this.#options.file], this.#options.build.templatesDir);
    this.#rebuilder.request();
    return this.#rebuilder.idle();
  }

  /** Builds again (after the current build, if one is running). */
  rebuild(): void {
    this.#rebuilder.request();
  }

  idle(): Promise<void> {
    return this.#rebuilder.idle();
  }

  async close(): Promise<void> {
    this.#watcher.close();
    await this.#rebuilder.close();
    await this.#pool?.destroy();
    this.#pool = undefined;
  }

  #cardPool(): CardPool {
    // One core is left to this thread, which makes the deck while the pool draws the cards.
    const spare = Math.max(1, availableParallelism() - 1);
    this.#pool ??= new CardPool(Math.min(this.#options.build.jobs ?? spare, spare));
    return this.#pool;
  }

  /**
   * The talk's local inputs as the settings list them (as the build read it, else
   * read again); just the file given when it cannot be read.
   */
  async #refreshWatch(built: readonly string[] | undefined): Promise<void> {
    const { file, build } = this.#options;
    try {
      this.#inputs = [...(built ?? (await loadAndResolve(file, build)).config.inputFiles)];
    } catch {
      // The build reports what is wrong; the files read last time are still watched for the fix.
    }
    this.#watcher.watchOnly([resolve(file), ...this.#inputs], build.templatesDir);
  }
}
