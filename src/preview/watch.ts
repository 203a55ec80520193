/**
 * Watches the files a build reads. Editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file itself, so
 * the folders are watched and their events filtered by name. Events come in
 * bursts (write, chmod, rename): they are gathered for `delay` ms into one.
 */
import { type FSWatcher, watch } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** Template kinds: a templates folder's subfolders, each watched whole. */
const TEMPLATE_KINDS = ["deck", "cards", "carousel"] as const;

interface Watched {
  watcher: FSWatcher;
  /** File names that matter in this folder; undefined: any. */
  names: Set<string> | undefined;
}

export class InputWatcher {
  readonly #folders = new Map<string, Watched>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly onChange: () => void,
    private readonly delay = 20,
  ) {}

  /** Watches these files and this templates folder from now on, instead of the previous set. */
  watchOnly(files: readonly string[], templatesDir?: string): void {
    // A build that finishes after close() asks to watch again: its watchers would keep the process alive.
    if (this.#closed) return;
    const wanted = new Map<string, Set<string> | undefined>();
    for (const file of files) {
      const path = resolve(file);
      const names = wanted.get(dirname(path));
      if (wanted.has(dirname(path)) && names === undefined) continue;
      wanted.set(dirname(path), new Set([...(names ?? []), basename(path)]));
    }
    if (templatesDir !== undefined) {
      const root = resolve(templatesDir);
      for (const folder of [root, ...TEMPLATE_KINDS.map((kind) => join(root, kind))]) {
        wanted.set(folder, undefined);
      }
    }
    for (const [folder, watched] of this.#folders) {
      if (wanted.has(folder)) continue;
      watched.watcher.close();
      this.#folders.delete(folder);
    }
    for (const [folder, names] of wanted) {
      const watched = this.#folders.get(folder);
      if (watched !== undefined) watched.names = names;
      else this.#open(folder, names);
    }
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const { watcher } of this.#folders.values()) watcher.close();
    this.#folders.clear();
  }

  #open(folder: string, names: Set<string> | undefined): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => {
        const current = this.#folders.get(folder)?.names;
        if (name === null || current === undefined || current.has(basename(String(name)))) {
          this.#changed();
        }
      });
    } catch {
      // A folder that is not there (a template kind the user has none of) has nothing to watch.
      return;
    }
    // A watched folder that goes away stops its watcher: the next build reports the missing file.
    watcher.on("error", () => {
      watcher.close();
      this.#folders.delete(folder);
    });
    this.#folders.set(folder, { watcher, names });
  }

  #changed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.onChange, this.delay);
  }
}
