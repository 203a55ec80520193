import { distance } from "fastest-levenshtein";
import { httpUrlHref } from "../http-url.js";
import type { TalkHints } from "../talk/model.js";
import { peopleSchema, specInputSchema } from "./schema.js";

/**
 * Front matter is shared: a file from Hugo, Jekyll, Astro, an Obsidian
 * clipper or a podcast pipeline carries that tool's keys beside talkdeck's.
 * Its top-level keys are sorted here into talkdeck's own (validated strictly
 * by the schema), others' keys talkdeck reads where they mean what it needs
 * (`guest`, `youtube_url`, …), keys it ignores (said once, in a note), and
 * slips of the pen near one of its own keys (`them:`), which stay errors.
 */

/** talkdeck's own top-level keys. */
export const OWN_KEYS: readonly string[] = Object.keys(specInputSchema.shape);

type SpeakerHint = NonNullable<TalkHints["speakers"]>[number];

/** What other tools' keys tell talkdeck. */
export interface Borrowed {
  /** From `guest(s)`, `speaker`, `host(s)`: the people who speak, guests first. */
  speakers: SpeakerHint[];
  /** From `authors`: the writers, for the deck's byline (talkdeck's own key is `author`). */
  authors: string[];
  description?: string;
  /** `publish_date`, `publishDate`, `published`, `pubDate`, as `YYYY-MM-DD`. */
  date?: string;
  /** `url`: where the write-up was published. */
  sourceUrl?: string;
  /** `youtube_url`: where the talk itself can be watched. */
  originalUrl?: string;
  /** `event`: the event's short name, for the cards' source line (`OpenAI DevDay 2024`). */
  event?: string;
  /** `cover` (or Hugo's `cover: { image }`): a local image for the title slide, as written. */
  cover?: string;
  /** `cover` as an http(s) URL: fetched only with `--allow-remote`. */
  coverUrl?: string;
}

type Reader = (value: unknown, into: Borrowed) => boolean;

/** `[[Paul Krugman]]`, `[[People/Paul Krugman|Krugman]]`: an Obsidian wiki link to a person's note. */
function fromWikiLink(text: string): SpeakerHint {
  const link = /^\[\[([^\][|]+)(?:\|([^\][]+))?\]\]$/.exec(text.trim());
  if (link === null) return { name: text.trim(), aliases: [] };
  const name = (link[1] ?? "").replace(/^.*\//, "").trim();
  const shown = link[2]?.trim();
  return { name, aliases: shown === undefined || shown === name ? [] : [shown] };
}

/** A person field as names: a string, `{ name }`, or a list of either. Undefined when it is none of these. */
export function peopleOf(value: unknown, split = false): SpeakerHint[] | undefined {
  const parsed = peopleSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const entries = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return entries
    .flatMap((entry) =>
      typeof entry !== "string"
        ? [entry.name]
        : // `guest: Ronak Shah and Beth Dakin`; an author's byline is kept whole.
          split
          ? entry.split(/\s*(?:[,;&、，]|\band\b)\s*/u)
          : [entry],
    )
    .filter((name) => name.trim() !== "")
    .map(fromWikiLink)
    .filter((person) => person.name !== "");
}

/** An http(s) URL, as a URL parser writes it; anything else is no link. */
export function webUrl(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^https?:\/\//i.test(value.trim())) return undefined;
  return httpUrlHref(value.trim());
}

/** `2024-05-02`, `2024/5/2 10:00`, `Thu, 02 May 2024 10:00:00 GMT` as `2024-05-02`; Jekyll's `published: false` is no date. */
function dateOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const ymd = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(value);
  if (ymd !== null) return `${ymd[1]}-${ymd[2]?.padStart(2, "0")}-${ymd[3]?.padStart(2, "0")}`;
  const time = /\d{4}/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : undefined;
}

const speakersReader =
  (split: boolean): Reader =>
  (value, into) => {
    const people = peopleOf(value, split);
    if (people === undefined) return false;
    into.speakers.push(...people);
    return true;
  };

const dateReader: Reader = (value, into) => {
  const date = dateOf(value);
  if (date !== undefined) into.date ??= date;
  return date !== undefined;
};

/**
 * Other tools' keys that mean what talkdeck needs, and how each is read. A
 * value of another shape (`published: true`) is ignored like any other key.
 * Guests come before hosts: a talk without speaker labels is taken as the
 * first speaker's. `author` (talkdeck's own key) and `authors` are the
 * writers: a clipped post's author is rarely who speaks in it, and a speaker
 * hint would make them the speaker of a write-up without labels; where the
 * writer does speak (a host who writes up their own show), the body's labels
 * name them anyway.
 */
const READERS: ReadonlyArray<[string, Reader]> = [
  ["guest", speakersReader(true)],
  ["guests", speakersReader(true)],
  ["speaker", speakersReader(true)],
  ["host", speakersReader(true)],
  ["hosts", speakersReader(true)],
  [
    "authors",
    (value, into) => {
      const people = peopleOf(value);
      into.authors.push(...(people ?? []).map((person) => person.name));
      return people !== undefined;
    },
  ],
  [
    "description",
    (value, into) => {
      if (typeof value !== "string" || value.trim() === "") return false;
      into.description = value;
      return true;
    },
  ],
  ["publish_date", dateReader],
  ["publishDate", dateReader],
  ["published", dateReader],
  ["pubDate", dateReader],
  [
    "url",
    (value, into) => {
      into.sourceUrl = webUrl(value);
      return into.sourceUrl !== undefined;
    },
  ],
  [
    "event",
    (value, into) => {
      if (typeof value !== "string" || value.trim() === "" || value.length > 80) return false;
      into.event = value.trim().replace(/\s+/g, " ");
      return true;
    },
  ],
  [
    "cover",
    (value, into) => {
      // Hugo themes write `cover: { image: cover.jpg, alt: … }`.
      const image =
        typeof value === "object" && value !== null && "image" in value ? value.image : value;
      if (typeof image !== "string" || image.trim() === "") return false;
      const url = webUrl(image);
      if (url !== undefined) into.coverUrl = url;
      else if (/^[a-z][a-z0-9+.-]*:/i.test(image.trim()) && !/^[a-z]:[\\/]/i.test(image.trim()))
        return false;
      else into.cover = image.trim();
      return true;
    },
  ],
  [
    "youtube_url",
    (value, into) => {
      into.originalUrl = webUrl(value);
      return into.originalUrl !== undefined;
    },
  ],
];

/** The keys `READERS` reads. */
const BORROWED_KEYS: ReadonlySet<string> = new Set(READERS.map(([name]) => name));

/**
 * Keys of other tools that sit near one of talkdeck's (`sources`, `images`,
 * `data`): never taken for a misspelling. Other keys need no listing: only a
 * key within a typo of talkdeck's own is.
 */
const KNOWN_FOREIGN: ReadonlySet<string> = new Set([
  "sources",
  "images",
  "data",
  "dates",
  "titles",
  "places",
  "brands",
  "thumb",
  "words",
  "authored",
  "seo_title",
]);

/** talkdeck keys that belong under `deck:` or `cards:`, for the note when one is written at the top. */
const NESTED_KEYS: ReadonlyMap<string, string> = new Map([
  ["points", "deck"],
  ["quotes", "deck` or `cards"],
  ["speakerNotes", "deck"],
  ["formats", "deck"],
  ["sizes", "cards"],
  ["handle", "cards"],
  ["logo", "cards"],
]);

/** Two letters swapped (`lnag`, `outptu`) count as one slip, not two. */
function slips(written: string, own: string): number {
  const key = written.toLowerCase();
  const plain = distance(key, own.toLowerCase());
  if (plain !== 2 || key.length !== own.length) return plain;
  const at = [...key].findIndex((char, index) => char !== own[index]);
  const swapped = `${key.slice(0, at)}${key[at + 1]}${key[at]}${key.slice(at + 2)}`;
  return swapped === own.toLowerCase() ? 1 : plain;
}

/**
 * The talkdeck key an unknown key is a slip for: one letter off (two for the
 * long keys, `speakers` and `subtitle`), ignoring case. Measured on the keys
 * other tools write, this threshold catches none of them (`image`, `layout`,
 * `links`, `tags`, `created`, `channel`, `duration`, `seo_title`, …) and
 * every one-letter slip of talkdeck's keys.
 */
export function misspeltKey(key: string): string | undefined {
  if (KNOWN_FOREIGN.has(key) || BORROWED_KEYS.has(key)) return undefined;
  let best: { own: string; slips: number } | undefined;
  for (const own of OWN_KEYS) {
    const count = slips(key, own);
    if (count <= (own.length >= 8 ? 2 : 1) && (best === undefined || count < best.slips))
      best = { own, slips: count };
  }
  return best?.own;
}

/** A front matter's top-level keys, sorted. */
export interface SortedKeys {
  /** talkdeck's keys and their values, for the schema. */
  own: Record<string, unknown>;
  borrowed: Borrowed;
  /** Keys talkdeck does not use, in the file's order. */
  ignored: string[];
  /** The first key that looks like a slip for one of talkdeck's, and that key. */
  misspelt?: { key: string; meant: string };
}

/** Metadata keys other tools leave empty (`author:`): absent, not wrong. */
const EMPTY_MEANS_ABSENT: ReadonlySet<string> = new Set([
  "title",
  "subtitle",
  "author",
  "date",
  "place",
]);

export function sortKeys(data: Readonly<Record<string, unknown>>): SortedKeys {
  const sorted: SortedKeys = { own: {}, borrowed: { speakers: [], authors: [] }, ignored: [] };
  // In the readers' order, not the file's: guests before hosts, one date before another.
  const unusable = new Set<string>();
  for (const [key, reader] of READERS) {
    if (Object.hasOwn(data, key) && !reader(data[key], sorted.borrowed)) unusable.add(key);
  }
  for (const [key, value] of Object.entries(data)) {
    if (OWN_KEYS.includes(key)) {
      if (!(value === null && EMPTY_MEANS_ABSENT.has(key))) sorted.own[key] = value;
      continue;
    }
    const borrowed = BORROWED_KEYS.has(key);
    if (borrowed && !unusable.has(key)) continue;
    const meant = borrowed ? undefined : misspeltKey(key);
    if (meant !== undefined) sorted.misspelt ??= { key, meant };
    else sorted.ignored.push(key);
  }
  return sorted;
}

/** The one note saying which keys were ignored, with a word for keys that look like talkdeck's. */
export function ignoredKeysNote(ignored: readonly string[], file?: string): string | undefined {
  if (ignored.length === 0) return undefined;
  const named = ignored.map((key) => {
    const under = NESTED_KEYS.get(key);
    if (under !== undefined) return `${key} (talkdeck reads \`${key}\` under \`${under}:\`)`;
    const near = OWN_KEYS.find((own) => slips(key, own) <= 1);
    return near === undefined ? key : `${key} (talkdeck's key is \`${near}\`)`;
  });
  return `${file === undefined ? "" : `${file}: `}front matter: ignored keys that talkdeck does not use: ${named.join(", ")}`;
}
