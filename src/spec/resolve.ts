import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve as resolvePath, sep, win32 } from "node:path";
import { closest } from "fastest-levenshtein";
import type { z } from "zod";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { checkInputFileSync, INPUT_LIMITS } from "../input-file.js";
import type { Source } from "../source.js";
import type { TalkHints } from "../talk/model.js";
import { brandTheme } from "../theme/brand.js";
import { builtInThemes, defaultThemeName, type ThemeTokens } from "../theme/tokens.js";
import { isThemePath, readThemeFile } from "../theme/user-theme.js";
import type { QuoteSelection, ResolvedSpec } from "./model.js";
import { knownKeys, type QuoteSelectorInput, type SpecInput, specInputSchema } from "./schema.js";
import { toCardSize } from "./sizes.js";
import { talkName } from "./talk-name.js";

/** What each key expects, in the user's terms. */
const EXPECTED: Readonly<Record<string, string>> = {
  theme: `one of: ${Object.keys(builtInThemes).join(", ")}, brand, or a path to a tokens file`,
  brand: 'a colour as "#rrggbb" (quoted: # starts a YAML comment)',
  "deck.formats": "a list of pdf, pptx, png (made when a browser is installed)",
  "deck.points": "`all`, `none`, or a list of point numbers such as [1, 2, 5]",
  "deck.quotes":
    "`auto`, `{ auto: 6 }`, `none`, or a list of quote ids / text fragments (see `talkdeck quotes FILE`)",
  "cards.quotes":
    "`auto` (the deck's quotes), `{ auto: 6 }`, `none`, or a list of quote ids / text fragments",
  "cards.sizes": "a list of square, portrait, tall, story, landscape, link or WIDTHxHEIGHT",
  "cards.layout": "classic, statement, or the name of your own cards/<name>.html.hbs template",
  "cards.logo": "the path of a local PNG, JPEG or SVG file, relative to this file",
  lang: "a language tag such as zh or en",
};

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
  while (real(existing) === undefined && dirname(existing) !== existing)
    existing = dirname(existing);
  const inside = relative(realFolder, real(existing) ?? existing);
  return inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
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
  const inside = relative(folder, resolved);
  const climbsOut = (path: string) =>
    path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path);
  if (
    isAbsolute(value) ||
    win32.isAbsolute(value) ||
    climbsOut(inside) ||
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
 * The logo is read when the cards are drawn, but the build reads its input
 * files (to hash them) before that: refuse a FIFO, a device or an oversized
 * file now, when it is only opened. A missing logo is for the drawing to
 * report, so that `talkdeck quotes` works without it.
 */
function checkLogoFile(path: string, location: ErrorLocation): void {
  try {
    checkInputFileSync(path, { maxBytes: INPUT_LIMITS.logo, what: "logo", location });
  } catch (error) {
    if (error instanceof TalkdeckError && error.code === ErrorCode.FileNotFound) return;
    throw error;
  }
}

function validate(source: Source): SpecInput {
  const result = specInputSchema.safeParse(source.data);
  if (result.success) return result.data;
  throw toSpecError(source, result.error);
}

function toSpecError(source: Source, error: z.ZodError): TalkdeckError {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).filter((part) => typeof part !== "symbol") as (
    | string
    | number
  )[];
  if (issue?.code === "unrecognized_keys") {
    const [unknown = ""] = issue.keys;
    const parent = path.join(".");
    const allowed = knownKeys[parent] ?? [];
    const location = source.locate([...path, unknown]);
    return new TalkdeckError(ErrorCode.FrontMatterInvalid, `unknown key \`${unknown}\``, {
      location,
      hint: `did you mean \`${closest(unknown, [...allowed])}\`? ${parent === "" ? "Top-level keys" : `Keys under \`${parent}\``}: ${allowed.join(", ")}`,
    });
  }
  const keyPath = path.filter((part) => typeof part === "string").join(".");
  const expected = EXPECTED[keyPath];
  return new TalkdeckError(
    ErrorCode.FrontMatterInvalid,
    `invalid value: ${issue?.message ?? "unknown problem"}`,
    {
      location: source.locate(path),
      hint:
        expected === undefined ? "see the front-matter keys in the README" : `expected ${expected}`,
    },
  );
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

/** The front matter's speakers, as full names with the short names the text may use. */
function talkHints(spec: SpecInput): TalkHints {
  const hints: TalkHints = {};
  if (spec.description !== undefined) hints.description = spec.description;
  const speakers = spec.speakers;
  if (speakers === undefined) return hints;
  if (Array.isArray(speakers)) {
    hints.speakers = speakers.map((entry) =>
      typeof entry === "string"
        ? { name: entry, aliases: [] }
        : { name: entry.name, aliases: entry.aliases ?? [] },
    );
  } else {
    const byName = new Map<string, string[]>();
    for (const [alias, name] of Object.entries(speakers))
      byName.set(name, [...(byName.get(name) ?? []), alias]);
    hints.speakers = [...byName].map(([name, aliases]) => ({ name, aliases }));
  }
  return hints;
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
  const fromSpec = specFile === undefined ? {} : validate(specFile);
  const fromTalk = validate(talk);
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
  const meta: ResolvedSpec["meta"] = {};
  for (const key of ["title", "subtitle", "author", "date", "place"] as const) {
    const value = merged[key];
    if (value !== undefined) meta[key] = value;
  }
  const sourceUrl = [merged.url, merged.source].find(
    (value) => value !== undefined && /^https?:\/\//i.test(value),
  );
  if (sourceUrl !== undefined) meta.sourceUrl = sourceUrl;
  const logo =
    merged.cards?.logo === undefined || logoOrigin === undefined
      ? undefined
      : resolvePath(dirname(logoOrigin), merged.cards.logo);
  if (logo !== undefined) checkLogoFile(logo, locate(["cards", "logo"]));
  return {
    talkFile: talk.file,
    hints: talkHints(merged),
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
    },
    outputDir: resolvePath(outputRoot, talkName(talk.file)),
    inputFiles: [
      talk.file,
      ...(specFile === undefined ? [] : [specFile.file]),
      ...(themeFile === undefined ? [] : [themeFile]),
      ...(logo === undefined ? [] : [logo]),
    ].map((file) => resolvePath(file)),
    locate,
  };
}
