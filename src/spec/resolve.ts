import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve as resolvePath, sep, win32 } from "node:path";
import { closest } from "fastest-levenshtein";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { checkInputFileSync, INPUT_LIMITS } from "../input-file.js";
import type { Source } from "../source.js";
import type { TalkHints } from "../talk/model.js";
import { brandTheme } from "../theme/brand.js";
import { builtInThemes, defaultThemeName, type ThemeTokens } from "../theme/tokens.js";
import { isThemePath, readThemeFile } from "../theme/user-theme.js";
import { type Borrowed, ignoredKeysNote, peopleOf, webUrl } from "./foreign.js";
import type { QuoteSelection, ResolvedSpec } from "./model.js";
import type { QuoteSelectorInput, SpecInput } from "./schema.js";
import { toCardSize } from "./sizes.js";
import { talkName } from "./talk-name.js";
import { validate } from "./validate.js";

const DEFAULT_AUTO_QUOTES = 6;

/** The absolute path of the user's tokens file, when the theme names one, resolved against the file that named it. */
function themeFilePath(name: string | undefined, origin: string | undefined): string | undefined {
  if (name === undefined || !isThemePath(name)) return undefined;
  return resolvePath(origin === undefined ? "." : dirname(origin), name);
}

/** A built-in name, `brand` (with `brand: "#rrggbb"`), or the path of the user's tokens file. */
function resolveTheme(
  name: string | undefined,
  brand: string | undefined,
  from: { location: ErrorLocation; origin: string | undefined },
): ThemeTokens {
  if (name === undefined && brand !== undefined) return brandTheme(brand);
  const wanted = name ?? defaultThemeName;
  if (wanted === "brand") {
    if (brand !== undefined) return brandTheme(brand);
    throw new TalkdeckError(ErrorCode.UnknownTheme, "the brand theme needs a brand colour", {
      location: from.location,
      hint: 'add `brand: "#0a66c2"` (your colour) next to `theme: brand`',
    });
  }
  const file = themeFilePath(wanted, from.origin);
  if (file !== undefined) return readThemeFile(file, from.location);
  const builtIn = builtInThemes[wanted];
  if (builtIn !== undefined) return builtIn;
  const names = [...Object.keys(builtInThemes), "brand"];
  throw new TalkdeckError(ErrorCode.UnknownTheme, `unknown theme \`${wanted}\``, {
    location: from.location,
    hint: `did you mean \`${closest(wanted, names)}\`? Built-in themes: ${names.join(", ")}, or a path to your own tokens file`,
  });
}

/** Whether a path relative to a folder (from `relative`) leaves that folder. */
function climbsOut(inside: string): boolean {
  return inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}

/**
 * Whether a link on the way (`out -> /etc`, committed to a repository)
 * leads `path` out of `folder`: the deepest part that exists, links
 * resolved, must still be inside the folder's real path.
 */
function leadsOut(folder: string, path: string): boolean {
  const real = (target: string) => {
    try {
      return realpathSync(target);
    } catch {
      return undefined;
    }
  };
  const realFolder = real(folder);
  if (realFolder === undefined) return false;
  let existing = path;
  let target = real(existing);
  while (target === undefined && dirname(existing) !== existing) {
    existing = dirname(existing);
    target = real(existing);
  }
  return climbsOut(relative(realFolder, target ?? existing));
}

/**
 * An `output:` written in a file names a folder inside that file's folder: not
 * an absolute path, and no `..` that climbs out of it once resolved. A talk
 * someone sent must not choose where on this machine files are written; the
 * command line's `-o` is the user's own choice and is not held to this.
 */
function outputInFileFolder(value: string, origin: string, location: ErrorLocation): string {
  const folder = dirname(resolvePath(origin));
  const resolved = resolvePath(folder, value);
  if (
    isAbsolute(value) ||
    win32.isAbsolute(value) ||
    climbsOut(relative(folder, resolved)) ||
    leadsOut(folder, resolved)
  ) {
    throw new TalkdeckError(
      ErrorCode.OutputUnsafe,
      `\`${value}\` is outside the folder of ${origin}: an \`output:\` in a file stays inside that file's folder`,
      {
        location,
        hint: "write a folder inside it, such as `output: out`; to write somewhere else, say so on the command line: `talkdeck build FILE -o DIR`",
      },
    );
  }
  return resolved;
}

/**
 * `cover:` is also other tools' key (a Hugo theme's page image), so a cover
 * that cannot be used is left out with a note, never an error: one outside
 * the folder of the file that names it (the write-up is untrusted: its cover
 * must not read the user's other files into the deck), missing, or not a
 * regular file of a sensible size.
 */
function localCover(value: string, origin: string, notes: string[]): string | undefined {
  const folder = dirname(resolvePath(origin));
  const path = resolvePath(folder, value);
  const leaveOut = (why: string) => {
    notes.push(`the cover image \`${value}\` (${origin}) was left out: ${why}`);
    return undefined;
  };
  if (
    isAbsolute(value) ||
    win32.isAbsolute(value) ||
    climbsOut(relative(folder, path)) ||
    leadsOut(folder, path)
  )
    return leaveOut("a cover stays inside the folder of the file that names it");
  try {
    checkInputFileSync(path, { maxBytes: INPUT_LIMITS.logo, what: "cover image" });
  } catch (error) {
    if (error instanceof TalkdeckError) return leaveOut(error.message);
    throw error;
  }
  return path;
}

/**
 * A logo is drawn on cards meant to be posted: one named by a file must be
 * inside that file's folder, or a write-up from elsewhere could put any image
 * of the user's disk on a public card.
 */
function logoInFileFolder(value: string, origin: string, location: ErrorLocation): void {
  const folder = dirname(resolvePath(origin));
  const path = resolvePath(folder, value);
  if (
    !isAbsolute(value) &&
    !win32.isAbsolute(value) &&
    !climbsOut(relative(folder, path)) &&
    !leadsOut(folder, path)
  )
    return;
  throw new TalkdeckError(
    ErrorCode.ImageSourceRefused,
    `\`${value}\` is outside the folder of ${origin}: a logo stays inside the folder of the file that names it`,
    {
      location,
      hint: "copy the logo next to the talk (or into a folder inside it) and name it relatively: `logo: ./logo.png`",
    },
  );
}

/**
 * The logo is read when the cards are drawn, but the build reads its input
 * files (to hash them) before that: refuse a FIFO, a device or an oversized
 * file now, when it is only opened. A missing logo is for the drawing to
 * report, so that `talkdeck quotes` works without it.
 */
function checkImageFile(path: string, what: "logo", location: ErrorLocation): void {
  try {
    checkInputFileSync(path, { maxBytes: INPUT_LIMITS.logo, what, location });
  } catch (error) {
    if (error instanceof TalkdeckError && error.code === ErrorCode.FileNotFound) return;
    throw error;
  }
}

function toQuoteSelection(
  input: QuoteSelectorInput | undefined,
  key: string,
  fallback: QuoteSelection,
): QuoteSelection {
  if (input === undefined) return fallback;
  if (input === "auto")
    return key === "cards.quotes" ? { kind: "deck" } : { kind: "auto", count: DEFAULT_AUTO_QUOTES };
  if (input === "none") return { kind: "none" };
  if (Array.isArray(input)) return { kind: "list", selectors: input, key };
  return { kind: "auto", count: input.auto };
}

/** talkdeck's `speakers:` as hints: full names with the short names the text may use. */
function ownSpeakers(speakers: SpecInput["speakers"]): NonNullable<TalkHints["speakers"]> {
  if (speakers === undefined) return [];
  if (Array.isArray(speakers)) {
    return speakers.map((entry) =>
      typeof entry === "string"
        ? { name: entry, aliases: [] }
        : { name: entry.name, aliases: entry.aliases ?? [] },
    );
  }
  const byName = new Map<string, string[]>();
  for (const [alias, name] of Object.entries(speakers))
    byName.set(name, [...(byName.get(name) ?? []), alias]);
  return [...byName].map(([name, aliases]) => ({ name, aliases }));
}

/**
 * What the front matter tells the parser: talkdeck's `speakers:` first, then
 * the guests, speakers and hosts other tools name (each person once), the
 * description and the title.
 */
function talkHints(spec: SpecInput, borrowed: Borrowed): TalkHints {
  const hints: TalkHints = {};
  if (borrowed.description !== undefined) hints.description = borrowed.description;
  if (spec.title !== undefined) hints.title = spec.title;
  const speakers = ownSpeakers(spec.speakers);
  for (const person of borrowed.speakers) {
    const named = (name: string) =>
      speakers.some((known) => known.name === name || known.aliases.includes(name));
    if (!named(person.name)) speakers.push(person);
  }
  if (speakers.length > 0) hints.speakers = speakers;
  return hints;
}

/** Other tools' keys of the spec file, then the talk's over them. */
function mergeBorrowed(under: Borrowed | undefined, over: Borrowed): Borrowed {
  if (under === undefined) return over;
  const defined = Object.fromEntries(
    Object.entries(over).filter(([, value]) => value !== undefined),
  );
  return {
    ...under,
    ...defined,
    speakers: [...over.speakers, ...under.speakers],
    authors: over.authors.length > 0 ? over.authors : under.authors,
  };
}

/** Title, byline, date and links: talkdeck's keys, else what other tools' keys say. */
function resolveMeta(merged: SpecInput, borrowed: Borrowed): ResolvedSpec["meta"] {
  const meta: ResolvedSpec["meta"] = {};
  for (const key of ["title", "subtitle", "date", "place"] as const) {
    const value = merged[key];
    if (value !== undefined) meta[key] = value;
  }
  const authors =
    merged.author === undefined
      ? borrowed.authors
      : (peopleOf(merged.author) ?? []).map((person) => person.name);
  if (authors.length > 0) meta.author = authors.join(", ");
  if (meta.date === undefined && borrowed.date !== undefined) meta.date = borrowed.date;
  // A clipper's `source:` is the page it clipped, not a spec's talk file.
  const sourceUrl = borrowed.sourceUrl ?? webUrl(merged.source);
  if (sourceUrl !== undefined) meta.sourceUrl = sourceUrl;
  if (borrowed.originalUrl !== undefined) meta.originalUrl = borrowed.originalUrl;
  if (borrowed.event !== undefined) meta.event = borrowed.event;
  if (borrowed.coverUrl !== undefined) meta.coverUrl = borrowed.coverUrl;
  return meta;
}

export interface CliOverrides {
  /** Output root from `-o`, relative to the working directory. */
  output?: string;
  theme?: string;
}

/**
 * Merges defaults < spec file < the talk's front matter < CLI flags. Relative
 * paths resolve against the file that wrote them.
 */
export function resolveSpec(
  talk: Source,
  specFile: Source | undefined,
  cli: CliOverrides = {},
): ResolvedSpec {
  const specRead = specFile === undefined ? undefined : validate(specFile);
  const talkRead = validate(talk);
  const fromSpec = specRead?.spec ?? {};
  const fromTalk = talkRead.spec;
  const borrowed = mergeBorrowed(specRead?.borrowed, talkRead.borrowed);
  const notes = [
    ignoredKeysNote(specRead?.ignored ?? [], specFile?.file),
    ignoredKeysNote(talkRead.ignored),
  ].filter((note) => note !== undefined);
  const merged: SpecInput = {
    ...fromSpec,
    ...fromTalk,
    deck: { ...fromSpec.deck, ...fromTalk.deck },
    cards: { ...fromSpec.cards, ...fromTalk.cards },
  };
  const locate: ResolvedSpec["locate"] = (path) => {
    const inTalk = talk.locate(path);
    return inTalk.line !== undefined || specFile === undefined ? inTalk : specFile.locate(path);
  };

  const themeName = cli.theme ?? merged.theme;
  const themeOrigin =
    cli.theme === undefined
      ? fromTalk.theme !== undefined
        ? talk.file
        : specFile?.file
      : undefined;
  const themeFile = themeFilePath(themeName, themeOrigin);
  const theme = resolveTheme(themeName, merged.brand, {
    location: cli.theme === undefined ? locate(["theme"]) : { key: "--theme" },
    origin: themeOrigin,
  });

  /** The file a key was written in: relative paths resolve against it. */
  const originOf = (key: "output" | "cards") =>
    fromTalk[key] !== undefined && (key !== "cards" || fromTalk.cards?.logo !== undefined)
      ? talk.file
      : specFile?.file;
  const outputOrigin = originOf("output");
  const logoOrigin = originOf("cards");
  const outputRoot =
    cli.output !== undefined
      ? resolvePath(cli.output)
      : merged.output !== undefined && outputOrigin !== undefined
        ? outputInFileFolder(merged.output, outputOrigin, locate(["output"]))
        : resolvePath("out");

  const deckQuotes = toQuoteSelection(merged.deck?.quotes, "deck.quotes", {
    kind: "auto",
    count: DEFAULT_AUTO_QUOTES,
  });
  const meta = resolveMeta(merged, borrowed);
  const logo =
    merged.cards?.logo === undefined || logoOrigin === undefined
      ? undefined
      : resolvePath(dirname(logoOrigin), merged.cards.logo);
  if (logo !== undefined && logoOrigin !== undefined && merged.cards?.logo !== undefined)
    logoInFileFolder(merged.cards.logo, logoOrigin, locate(["cards", "logo"]));
  if (logo !== undefined) checkImageFile(logo, "logo", locate(["cards", "logo"]));
  const cover =
    talkRead.borrowed.cover !== undefined
      ? localCover(talkRead.borrowed.cover, talk.file, notes)
      : specRead?.borrowed.cover !== undefined && specFile !== undefined
        ? localCover(specRead.borrowed.cover, specFile.file, notes)
        : undefined;
  return {
    talkFile: talk.file,
    hints: talkHints(merged, borrowed),
    theme,
    lang: merged.lang,
    meta,
    deck: {
      points: merged.deck?.points ?? "all",
      quotes: deckQuotes,
      speakerNotes: merged.deck?.speakerNotes ?? true,
      formats: merged.deck?.formats ?? [],
    },
    cards: {
      quotes: toQuoteSelection(merged.cards?.quotes, "cards.quotes", { kind: "deck" }),
      sizes: (merged.cards?.sizes ?? ["square"]).map(toCardSize),
      layout: merged.cards?.layout ?? "classic",
      handle: merged.cards?.handle,
      logo,
      carousel: merged.cards?.carousel,
    },
    cover,
    outputDir: resolvePath(outputRoot, talkName(talk.file)),
    inputFiles: [
      talk.file,
      ...(specFile === undefined ? [] : [specFile.file]),
      ...(themeFile === undefined ? [] : [themeFile]),
      ...(logo === undefined ? [] : [logo]),
      ...(cover === undefined ? [] : [cover]),
    ].map((file) => resolvePath(file)),
    locate,
    notes,
  };
}
