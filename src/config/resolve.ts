import { dirname, resolve as resolvePath } from "node:path";
import type { Source } from "../source.js";
import type { TalkHints } from "../talk/model.js";
import { checkImageFile, localCover, logoInFileFolder, outputInFileFolder } from "./file-paths.js";
import { type Borrowed, ignoredKeysNote, peopleOf, webUrl } from "./foreign.js";
import type { QuoteSelection, ResolvedConfig } from "./model.js";
import type { ConfigInput, QuoteSelectorInput } from "./schema.js";
import { toCardSize } from "./sizes.js";
import { talkName } from "./talk-name.js";
import { themeSetting } from "./theme-setting.js";
import { type ReadFrontMatter, validate } from "./validate.js";

const DEFAULT_AUTO_QUOTES = 6;

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
function ownSpeakers(speakers: ConfigInput["speakers"]): NonNullable<TalkHints["speakers"]> {
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
function talkHints(input: ConfigInput, borrowed: Borrowed): TalkHints {
  const hints: TalkHints = {};
  if (borrowed.description !== undefined) hints.description = borrowed.description;
  if (input.title !== undefined) hints.title = input.title;
  const speakers = ownSpeakers(input.speakers);
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
function resolveMeta(merged: ConfigInput, borrowed: Borrowed): ResolvedConfig["meta"] {
  const meta: ResolvedConfig["meta"] = {};
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

/** The front matter of the spec file (if any) and of the talk, as validated. */
interface ReadFiles {
  talk: Source;
  specFile: Source | undefined;
  talkRead: ReadFrontMatter;
  specRead: ReadFrontMatter | undefined;
}

/** talkdeck's keys of both files, the talk's over the spec file's, `deck:` and `cards:` key by key. */
function mergeConfigs(fromSpec: ConfigInput, fromTalk: ConfigInput): ConfigInput {
  return {
    ...fromSpec,
    ...fromTalk,
    deck: { ...fromSpec.deck, ...fromTalk.deck },
    cards: { ...fromSpec.cards, ...fromTalk.cards },
  };
}

/** Where a key was written: in the talk if it is there, else in the spec file. */
function locatorOf(talk: Source, specFile: Source | undefined): ResolvedConfig["locate"] {
  return (path) => {
    const inTalk = talk.locate(path);
    return inTalk.line !== undefined || specFile === undefined ? inTalk : specFile.locate(path);
  };
}

/** Notes on the other tools' keys each file set aside: the spec file's, then the talk's. */
function ignoredKeysNotes({ specFile, talkRead, specRead }: ReadFiles): string[] {
  return [
    ignoredKeysNote(specRead?.ignored ?? [], specFile?.file),
    ignoredKeysNote(talkRead.ignored),
  ].filter((note) => note !== undefined);
}

/**
 * The file a setting was written in, which a path in it resolves against:
 * the talk's when its own front matter sets it (it wins), else the spec file's.
 */
function writtenIn(
  { talk, specFile, talkRead }: ReadFiles,
  setInTalk: (input: ConfigInput) => boolean,
): string | undefined {
  return setInTalk(talkRead.input) ? talk.file : specFile?.file;
}

/** The file the theme was named in: none for `--theme` (the working directory), else `writtenIn`. */
function themeOrigin(files: ReadFiles, cli: CliOverrides): string | undefined {
  if (cli.theme !== undefined) return undefined;
  return writtenIn(files, (input) => input.theme !== undefined);
}

/** The output root: `-o` as given, else a file's `output:` inside that file's folder, else `out`. */
function outputRootOf(
  files: ReadFiles,
  merged: ConfigInput,
  cli: CliOverrides,
  locate: ResolvedConfig["locate"],
): string {
  if (cli.output !== undefined) return resolvePath(cli.output);
  const origin = writtenIn(files, (input) => input.output !== undefined);
  if (merged.output !== undefined && origin !== undefined)
    return outputInFileFolder(merged.output, origin, locate(["output"]));
  return resolvePath("out");
}

/** The logo's path, once it is known to be inside its file's folder and not a FIFO, a device or too big. */
function logoPath(
  files: ReadFiles,
  merged: ConfigInput,
  locate: ResolvedConfig["locate"],
): string | undefined {
  const value = merged.cards?.logo;
  const origin = writtenIn(files, (input) => input.cards?.logo !== undefined);
  if (value === undefined || origin === undefined) return undefined;
  const logo = resolvePath(dirname(origin), value);
  logoInFileFolder(value, origin, locate(["cards", "logo"]));
  checkImageFile(logo, "logo", locate(["cards", "logo"]));
  return logo;
}

/** The cover image: the talk's `cover:`, else the spec file's; left out with a note when it cannot be used. */
function coverPath(
  { talk, specFile, talkRead, specRead }: ReadFiles,
  notes: string[],
): string | undefined {
  if (talkRead.borrowed.cover !== undefined)
    return localCover(talkRead.borrowed.cover, talk.file, notes);
  if (specRead?.borrowed.cover !== undefined && specFile !== undefined)
    return localCover(specRead.borrowed.cover, specFile.file, notes);
  return undefined;
}

/** The deck's settings, each the files' or its default. */
function deckSettings(merged: ConfigInput): ResolvedConfig["deck"] {
  return {
    points: merged.deck?.points ?? "all",
    quotes: toQuoteSelection(merged.deck?.quotes, "deck.quotes", {
      kind: "auto",
      count: DEFAULT_AUTO_QUOTES,
    }),
    speakerNotes: merged.deck?.speakerNotes ?? true,
    formats: merged.deck?.formats ?? [],
  };
}

/** The cards' settings, each the files' or its default. */
function cardSettings(merged: ConfigInput, logo: string | undefined): ResolvedConfig["cards"] {
  return {
    quotes: toQuoteSelection(merged.cards?.quotes, "cards.quotes", { kind: "deck" }),
    sizes: (merged.cards?.sizes ?? ["square"]).map(toCardSize),
    layout: merged.cards?.layout ?? "classic",
    handle: merged.cards?.handle,
    logo,
    carousel: merged.cards?.carousel,
  };
}

/** Every file the build reads, absolute: what the up-to-date stamp (output/up-to-date.ts) is keyed on. */
function inputFilesOf(
  files: ReadFiles,
  themeFile: string | undefined,
  logo: string | undefined,
  cover: string | undefined,
): string[] {
  return [
    files.talk.file,
    ...(files.specFile === undefined ? [] : [files.specFile.file]),
    ...(themeFile === undefined ? [] : [themeFile]),
    ...(logo === undefined ? [] : [logo]),
    ...(cover === undefined ? [] : [cover]),
  ].map((file) => resolvePath(file));
}

/**
 * Merges defaults < spec file < the talk's front matter < CLI flags. Relative
 * paths resolve against the file that wrote them.
 */
export function resolveConfig(
  talk: Source,
  specFile: Source | undefined,
  cli: CliOverrides = {},
): ResolvedConfig {
  const specRead = specFile === undefined ? undefined : validate(specFile);
  const talkRead = validate(talk);
  const files: ReadFiles = { talk, specFile, talkRead, specRead };
  const borrowed = mergeBorrowed(specRead?.borrowed, talkRead.borrowed);
  const notes = ignoredKeysNotes(files);
  const merged = mergeConfigs(specRead?.input ?? {}, talkRead.input);
  const locate = locatorOf(talk, specFile);
  const { theme, themeFile } = themeSetting(cli.theme, merged, themeOrigin(files, cli), locate);
  const outputRoot = outputRootOf(files, merged, cli, locate);
  const meta = resolveMeta(merged, borrowed);
  const logo = logoPath(files, merged, locate);
  const cover = coverPath(files, notes);
  return {
    talkFile: talk.file,
    hints: talkHints(merged, borrowed),
    theme,
    lang: merged.lang,
    meta,
    deck: deckSettings(merged),
    cards: cardSettings(merged, logo),
    cover,
    outputDir: resolvePath(outputRoot, talkName(talk.file)),
    inputFiles: inputFilesOf(files, themeFile, logo, cover),
    locate,
    notes,
  };
}
