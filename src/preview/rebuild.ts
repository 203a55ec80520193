/**
 * One build at a time: a change noticed during a build asks for one more
 * build after it, however many changes there were, so the last save is
 * always built and builds never overlap (they would take turns for the
 * output folder's lock anyway).
 */
import type { BuildResult, TalkAsRead } from "../build-options.js";

/**
 * A build's end. `read` is the talk as the build read it: none when nothing
 * changed (it read nothing) or when it failed before the talk was parsed.
 */
export type BuildEvent =
  | { kind: "building"; seq: number }
  | { kind: "built"; seq: number; result: BuildResult; ms: number; read: TalkAsRead | undefined }
  | { kind: "failed"; seq: number; error: unknown; ms: number; read: TalkAsRead | undefined };

/** Runs one build, handing the talk to `onRead` as soon as it is read. */
export type BuildRun = (onRead: (read: TalkAsRead) => void) => Promise<BuildResult>;

export class Rebuilder {
  #running: Promise<void> | undefined;
  #again = false;
  #seq = 0;
  #closed = false;

  constructor(
    private readonly build: BuildRun,
    /** Awaited before the next build starts: what it reads is the output of this one. */
    private readonly report: (event: BuildEvent) => void | Promise<void>,
  ) {}

  /** Asks for a build: now when idle, else once after the current one. */
  request(): void {
    if (this.#closed) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  /** Resolves when no build is running or asked for. */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** No builds after the current one. */
  close(): Promise<void> {
    this.#closed = true;
    this.#again = false;
    return this.idle();
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#once();
    } while (this.#again && !this.#closed);
  }

  async #once(): Promise<void> {
    this.#seq += 1;
    const seq = this.#seq;
    const started = performance.now();
    await this.report({ kind: "building", seq });
    let event: BuildEvent;
    let read: TalkAsRead | undefined;
    try {
      const result = await this.build((talk) => {
        read = talk;
      });
      event = { kind: "built", seq, result, ms: performance.now() - started, read };
    } catch (error) {
      event = { kind: "failed", seq, error, ms: performance.now() - started, read };
    }
    try {
      await this.report(event);
    } catch (error) {
      // A listener's failure must not stop the loop: the next save builds again.
      process.emitWarning(`talkdeck: preview: ${(error as Error).message}`);
    }
  }
}
