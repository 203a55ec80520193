import { closest } from "fastest-levenshtein";
import type { z } from "zod";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import type { Source } from "../source.js";
import { builtInThemes } from "../theme/tokens.js";
import { type Borrowed, OWN_KEYS, sortKeys } from "./foreign.js";
import { type ConfigInput, knownKeys, specInputSchema } from "./schema.js";

/** What each key expects, in the user's terms. */
const EXPECTED: Readonly<Record<string, string>> = {
  theme: `one of: ${Object.keys(builtInThemes).join(", ")}, brand, or a path to a tokens file`,
  brand: 'a colour as "#rrggbb" (quoted: # starts a YAML comment)',
  "deck.formats": "a list of pdf, pptx, png (made when a browser is installed)",
  "deck.points": "`all`, `none`, or a list of point numbers such as [1, 2, 5]",
  "deck.quotes":
    "`auto`, `{ auto: 6 }`, `none`, or a list of quote ids / text fragments (see `talkdeck quotes FILE`) / `{ text: …, by: Name }`",
  "cards.quotes":
    "`auto` (the deck's quotes), `{ auto: 6 }`, `none`, or a list of quote ids / text fragments / `{ text: …, by: Name }`",
  "deck.quotes.text": "the words of a quote the write-up only paraphrases, 1–400 characters",
  "cards.quotes.text": "the words of a quote the write-up only paraphrases, 1–400 characters",
  "deck.quotes.by": "the name of who said it (1–80 characters), such as `by: Annie Duke`",
  "cards.quotes.by": "the name of who said it (1–80 characters), such as `by: Annie Duke`",
  author: "a name, a list of names, or a list of `{ name: … }`",
  "cards.sizes": "a list of square, portrait, tall, story, landscape, link or WIDTHxHEIGHT",
  "cards.layout": "classic, statement, or the name of your own cards/<name>.html.hbs template",
  "cards.logo": "the path of a local PNG, JPEG or SVG file, relative to this file",
  lang: "a language tag such as zh or en",
};

/** A file's front matter: talkdeck's keys validated, other tools' keys read or set aside. */
export interface ReadFrontMatter {
  /** talkdeck's own keys, as written: not yet merged with the other file's or the flags. */
  input: ConfigInput;
  borrowed: Borrowed;
  ignored: string[];
}

export function validate(source: Source): ReadFrontMatter {
  const { own, borrowed, ignored, misspelt } = sortKeys(source.data);
  if (misspelt !== undefined) {
    throw new TalkdeckError(ErrorCode.FrontMatterInvalid, `unknown key \`${misspelt.key}\``, {
      location: source.locate([misspelt.key]),
      hint: `did you mean \`${misspelt.meant}\`? Top-level keys: ${OWN_KEYS.join(", ")} (keys of other tools are ignored)`,
    });
  }
  const result = specInputSchema.safeParse(own);
  if (result.success) return { input: result.data, borrowed, ignored };
  throw toConfigError(source, result.error);
}

type Path = (string | number)[];

/** How deep an issue reaches; an unknown key counts past its object's other issues: `bye:` explains a missing `by:`. */
function depth(issue: z.core.$ZodIssue, path: Path): number {
  return path.length + (issue.code === "unrecognized_keys" ? 1.5 : 0);
}

/**
 * The issue to report and where: inside a union (`deck.quotes` takes a word,
 * `{ auto }` or a list), the deepest issue, which names the entry and key
 * that went wrong (`deck.quotes[1].by`) rather than the whole list.
 */
function deepestIssue(
  issue: z.core.$ZodIssue,
  prefix: Path,
): { issue: z.core.$ZodIssue; path: Path } {
  const path = [...prefix, ...(issue.path.filter((part) => typeof part !== "symbol") as Path)];
  let deepest = { issue, path };
  if (issue.code !== "invalid_union") return deepest;
  for (const option of issue.errors) {
    for (const inner of option) {
      const candidate = deepestIssue(inner, path);
      if (depth(candidate.issue, candidate.path) > depth(deepest.issue, deepest.path))
        deepest = candidate;
    }
  }
  return deepest;
}

/** Where a value is, or should be: a key that is missing (`by:`) is reported at the entry that lacks it. */
function locateNearest(source: Source, path: Path): ErrorLocation {
  const where = source.locate(path);
  for (let end = path.length - 1; where.line === undefined && end > 0; end -= 1) {
    const line = source.locate(path.slice(0, end)).line;
    if (line !== undefined) return { ...where, line };
  }
  return where;
}

function toConfigError(source: Source, error: z.ZodError): TalkdeckError {
  const first = error.issues[0];
  const { issue, path } =
    first === undefined ? { issue: undefined, path: [] } : deepestIssue(first, []);
  if (issue?.code === "unrecognized_keys") {
    const [unknown = ""] = issue.keys;
    const written = path.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`));
    const parent = written.join("").replace(/^\./, "");
    const allowed = knownKeys[parent.replace(/\[\d+\]/g, "[]")] ?? [];
    const location = source.locate([...path, unknown]);
    const nearest = closest(unknown, [...allowed]);
    return new TalkdeckError(ErrorCode.FrontMatterInvalid, `unknown key \`${unknown}\``, {
      location,
      hint: `${nearest === undefined ? "" : `did you mean \`${nearest}\`? `}${parent === "" ? "Top-level keys" : `Keys under \`${parent}\``}: ${allowed.join(", ")}`,
    });
  }
  const keyPath = path.filter((part) => typeof part === "string").join(".");
  const expected = EXPECTED[keyPath];
  return new TalkdeckError(
    ErrorCode.FrontMatterInvalid,
    `invalid value: ${issue?.message ?? "unknown problem"}`,
    {
      location: locateNearest(source, path),
      hint:
        expected === undefined ? "see the front-matter keys in the README" : `expected ${expected}`,
    },
  );
}
