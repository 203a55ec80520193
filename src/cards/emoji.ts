import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { once, onceByKey } from "../once.js";

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export function isEmoji(grapheme: string): boolean {
  return EMOJI.test(grapheme);
}

/**
 * Twemoji's file name for an emoji: code points in hex joined by `-`, with the
 * U+FE0F variation selector dropped unless the sequence has a zero-width joiner
 * (the rule of Twemoji's own `grabTheRightIcon`).
 */
export function twemojiName(grapheme: string): string {
  const text = grapheme.includes("\u200d") ? grapheme : grapheme.replace(/\ufe0f/g, "");
  return [...text].map((char) => char.codePointAt(0)?.toString(16)).join("-");
}

/** Twemoji SVGs from the `@twemoji/svg` package, offline. Artwork: CC-BY 4.0, credited in the README. */
export class EmojiSet {
  readonly #dir: string;
  readonly #names: ReadonlySet<string>;
  readonly #dataUris = new Map<string, Promise<string>>();

  private constructor(dir: string, names: ReadonlySet<string>) {
    this.#dir = dir;
    this.#names = names;
  }

  static async load(): Promise<EmojiSet> {
    let dir: string;
    try {
      dir = dirname(createRequire(import.meta.url).resolve("@twemoji/svg/package.json"));
    } catch (error) {
      throw new TalkdeckError(
        ErrorCode.FontMissing,
        "the emoji package @twemoji/svg is not installed",
        {
          hint: "run `npm install` in the talkdeck folder",
          cause: error,
        },
      );
    }
    const names = new Set(
      (await readdir(dir)).filter((name) => name.endsWith(".svg")).map((name) => name.slice(0, -4)),
    );
    return new EmojiSet(dir, names);
  }

  has(grapheme: string): boolean {
    return this.#names.has(twemojiName(grapheme));
  }

  /** A Twemoji SVG by its file name (`1f680`), or undefined when the set lacks it. */
  async svgByName(name: string): Promise<Buffer | undefined> {
    return this.#names.has(name) ? readFile(`${this.#dir}/${name}.svg`) : undefined;
  }

  /** The emoji as an SVG data URI, for satori's `loadAdditionalAsset`. */
  dataUri(grapheme: string): Promise<string> {
    const name = twemojiName(grapheme);
    return onceByKey(this.#dataUris, name, () =>
      readFile(`${this.#dir}/${name}.svg`).then(
        (svg) => `data:image/svg+xml;base64,${svg.toString("base64")}`,
      ),
    );
  }
}

/** The Twemoji set, listed once per process (or thread): the package does not change while it runs. */
export const loadEmojiSet: () => Promise<EmojiSet> = once(() => EmojiSet.load());
