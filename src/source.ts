import { CORE_SCHEMA, load as loadWithJsYaml } from "js-yaml";
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  YAMLError,
} from "yaml";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "./errors.js";
import { decodeInputText, INPUT_LIMITS, readInputFile } from "./input-file.js";

/** A talk or spec file split into its front matter and its Markdown body. */
export interface Source {
  file: string;
  text: string;
  /** The Markdown after the front matter, front-matter lines blanked so line numbers match the file. */
  body: string;
  /** The front matter as parsed YAML, `{}` when there is none. */
  data: Record<string, unknown>;
  /** File, line and key of a front-matter value, for messages. */
  locate(path: readonly (string | number)[]): ErrorLocation;
}

type YamlPath = readonly (string | number)[];

interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
}

/** Parses front-matter YAML keeping positions (for messages), throwing its first error. */
function parseYaml(yamlText: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter });
  const firstError = document.errors[0];
  if (firstError !== undefined) throw firstError;
  return { document, lineCounter };
}

/** The line of a key (or list item) in the parsed document. */
function lineInDocument(parsed: ParsedYaml, path: YamlPath): number | undefined {
  let node: unknown = parsed.document.contents;
  let offset: number | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(part),
      );
      offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      node = pair?.value;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part];
      offset = isNode(node) ? node.range?.[0] : undefined;
    } else break;
  }
  // The YAML text starts right after the opening `---`, so its line n is the file's line n.
  return offset === undefined ? undefined : parsed.lineCounter.linePos(offset).line;
}

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;
const isContent = (line: string) => /^\s*[^\s#]/.test(line);
const ITEM = /^( *)-(?: |$)/;
const KEY = /^ *(["']?)([^\s"'#][^:#]*?)\1 *:(?:\s|$)/;

/** The line of key `part` below `start`, deeper than `bound`, before the block ends. */
function keyBelow(lines: readonly string[], start: number, bound: number, part: string) {
  for (let index = start; index < lines.length; index += 1) {
    const text = lines[index] ?? "";
    if (!isContent(text)) continue;
    if (indentOf(text) <= bound) return undefined;
    if (KEY.exec(text)?.[2] === part) return index;
  }
  return undefined;
}

/** The line of item `n` of the block list below `start` (items may sit at their key's indent). */
function itemBelow(lines: readonly string[], start: number, bound: number, n: number) {
  let seen = -1;
  let itemIndent: number | undefined;
  for (let index = start; index < lines.length; index += 1) {
    const text = lines[index] ?? "";
    if (!isContent(text)) continue;
    const indent = indentOf(text);
    const item = ITEM.test(text);
    if (indent < bound || (indent === bound && !item)) return undefined;
    if (item && (itemIndent ?? indent) === indent) {
      itemIndent = indent;
      seen += 1;
      if (seen === n) return index;
    }
  }
  return undefined;
}

/**
 * The line of a key (or block-list item) found by reading the YAML text, for
 * front matter only js-yaml could read, which keeps no positions. Each part
 * of the path is looked for below the one before, more indented, until its
 * block ends. Good enough for messages.
 */
function lineInText(yamlText: string, path: YamlPath): number | undefined {
  const lines = yamlText.split(/\r?\n/);
  let at: number | undefined;
  let bound = -1;
  let inItem = false;
  for (const part of path) {
    // An item's first key sits on the item's own line.
    const start = at === undefined ? 0 : inItem ? at : at + 1;
    const found =
      typeof part === "number"
        ? itemBelow(lines, start, bound, part)
        : keyBelow(lines, start, bound, part);
    // A key not written is not found; a list item not found on a line of its own is in a flow list `[a, b]`, on its key's line.
    if (found === undefined && typeof part === "string") return undefined;
    if (found === undefined) break;
    const text = lines[found] ?? "";
    bound = indentOf(text);
    inItem = typeof part === "number";
    // Read the rest of an item's line as indented past its `- `.
    if (inItem) lines[found] = text.replace(ITEM, (dash) => " ".repeat(dash.length));
    at = found;
  }
  // Line n of the YAML text is line n of the file.
  return at === undefined ? undefined : at + 1;
}

/** File, line and key of a front-matter value: from the parsed document, or the text for js-yaml's data. */
function makeLocator(file: string, yamlText: string | undefined, parsed: ParsedYaml | undefined) {
  return (path: YamlPath): ErrorLocation => {
    const key = path.map((part) => (typeof part === "number" ? `[${part}]` : part)).join(".");
    const where: ErrorLocation = key === "" ? { file } : { file, key: key.replace(/\.\[/g, "[") };
    if (yamlText === undefined) return where;
    const line = parsed === undefined ? lineInText(yamlText, path) : lineInDocument(parsed, path);
    return line === undefined ? where : { ...where, line };
  };
}

/** More values than the YAML has characters can only come from aliases: a YAML bomb, or a cycle. */
function withinAliasBudget(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== "object" || next === null) continue;
    const children = Array.isArray(next) ? next : Object.values(next);
    count += children.length;
    if (count > budget) return false;
    stack.push(...children);
  }
  return true;
}

/**
 * Front matter that the `yaml` package refuses but js-yaml reads: js-yaml is
 * what gray-matter (so most static-site and note tools) read front matter
 * with, and it accepts what they write, such as a double-quoted value running
 * on at column 0. Its core schema gives the values `yaml` gives (a date stays
 * text) and constructs nothing but strings, numbers, booleans, null, lists and
 * maps. js-yaml has no alias limit, and an anchor may even hold itself: data
 * with more values than the YAML has characters is refused. Undefined when
 * js-yaml refuses it too.
 */
function readLeniently(yamlText: string): { data: unknown } | undefined {
  try {
    const data = loadWithJsYaml(yamlText, { schema: CORE_SCHEMA });
    return withinAliasBudget(data, yamlText.length) ? { data } : undefined;
  } catch {
    // A syntax error, or nesting too deep for the stack: the `yaml` package's message says what is wrong.
    return undefined;
  }
}

const FRONT_MATTER_HINT = "fix the YAML between the two `---` lines at the top of the file";

/** The raw parts of a file: its front matter's YAML text (if any) and the Markdown after it. */
interface SplitText {
  /** What follows the opening `---` on line 1 (`js` in `---js`), trimmed: empty for plain YAML. */
  language: string;
  /** The YAML, starting with the newline that ends line 1 so that its line n is the file's line n. */
  yamlText: string | undefined;
  /** Line breaks up to and including the closing `---` line's: blanked in the body. */
  headerNewlines: number;
  body: string;
  /** Index of the line break before the closing `---`; absent when the front matter never closes. */
  close?: number;
}

/**
 * Splits off the front matter: a first line `---` (or `---yaml`) up to the
 * next line that is `---`. Written here rather than left to gray-matter,
 * whose language after the opening `---` picks an engine, and `js` is eval.
 */
function splitFrontMatter(text: string): SplitText {
  // `----` (or longer) is a Markdown rule, not a front-matter fence.
  if (!text.startsWith("---") || text.charAt(3) === "-") {
    return { language: "", yamlText: undefined, headerNewlines: 0, body: text };
  }
  const firstLineEnd = text.search(/\r?\n|$/);
  const language = text.slice(3, firstLineEnd).trim();
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  closing.lastIndex = firstLineEnd;
  const close = closing.exec(text);
  // No closing line: like gray-matter, the rest of the file is front matter.
  const yamlEnd = close === null ? text.length : close.index;
  const bodyStart = close === null ? text.length : close.index + close[0].length;
  return {
    language,
    yamlText: text.slice(firstLineEnd, yamlEnd),
    ...(close === null ? {} : { close: close.index }),
    headerNewlines: text.slice(0, bodyStart).split("\n").length - 1,
    body: text.slice(bodyStart),
  };
}

/**
 * Where a line can be added to the front matter of `text`: the index of the
 * line break before its closing `---`. Undefined when the file has none, or
 * its front matter never closes.
 */
export function frontMatterClose(text: string): number | undefined {
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const { close } = splitFrontMatter(text.slice(bom));
  return close === undefined ? undefined : bom + close;
}

/** Only YAML is read: `---js` and friends would have gray-matter run the file's code. */
function checkLanguage(language: string, file: string): void {
  if (/^(ya?ml)?$/i.test(language)) return;
  throw new TalkdeckError(
    ErrorCode.FrontMatterLanguage,
    `the front matter is marked \`${language}\`: only YAML front matter is read, and none is ever run`,
    {
      location: { file, line: 1 },
      hint: "start the file with a line of just `---` and write the front matter as YAML `key: value` lines",
    },
  );
}

function syntaxError(error: unknown, file: string): TalkdeckError {
  const line = error instanceof YAMLError ? error.linePos?.[0]?.line : undefined;
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return new TalkdeckError(
    ErrorCode.FrontMatterSyntax,
    `the front matter is not valid YAML: ${reason}`,
    {
      location: line === undefined ? { file } : { file, line },
      hint: FRONT_MATTER_HINT,
    },
  );
}

/** Splits text into front matter and body. Pure: the text is given, nothing is read. */
export function readSource(text: string, file: string): Source {
  const split = splitFrontMatter(text.replace(/^\uFEFF/, ""));
  checkLanguage(split.language, file);
  let yaml: ParsedYaml | undefined;
  let data: unknown = {};
  if (split.yamlText !== undefined) {
    let parsed: ParsedYaml | undefined;
    try {
      parsed = parseYaml(split.yamlText);
      // toJS throws too: an alias to an anchor that is not there (`*a`), too many aliases (a YAML bomb).
      data = parsed.document.toJS({ maxAliasCount: 100 }) ?? {};
      yaml = parsed;
    } catch (error) {
      // Only a syntax error gets a second reading: what `yaml` parsed but refused to build (a bomb) stays refused.
      const lenient = parsed === undefined ? readLeniently(split.yamlText) : undefined;
      if (lenient === undefined) throw syntaxError(error, file);
      data = lenient.data ?? {};
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new TalkdeckError(
      ErrorCode.FrontMatterInvalid,
      "the front matter must be `key: value` lines",
      {
        location: { file, line: 2 },
        hint: FRONT_MATTER_HINT,
      },
    );
  }
  return {
    file,
    text,
    body: "\n".repeat(split.headerNewlines) + split.body,
    data: data as Record<string, unknown>,
    locate: makeLocator(file, split.yamlText, yaml),
  };
}

/**
 * Reads a talk or spec file from disk into a Source: an ordinary file of at
 * most 20 MB, UTF-8 text. `from` is where its path was written (a spec's
 * `source:`), when not on the command line.
 */
export async function loadSource(file: string, from?: ErrorLocation): Promise<Source> {
  const rules = {
    maxBytes: INPUT_LIMITS.talk,
    what: "talk",
    hint: "check the path; `talkdeck build path/to/talk.md`",
    ...(from === undefined ? {} : { location: from }),
  };
  const text = decodeInputText(await readInputFile(file, rules), file, rules);
  return readSource(text, file);
}
