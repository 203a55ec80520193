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

/** Finds the line of a key (or list item) of the front matter. */
function makeLocator(file: string, parsed: ParsedYaml | undefined) {
  return (path: YamlPath): ErrorLocation => {
    const key = path.map((part) => (typeof part === "number" ? `[${part}]` : part)).join(".");
    const where: ErrorLocation = key === "" ? { file } : { file, key: key.replace(/\.\[/g, "[") };
    if (parsed === undefined) return where;
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
    return offset === undefined
      ? where
      : { ...where, line: parsed.lineCounter.linePos(offset).line };
  };
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
    headerNewlines: text.slice(0, bodyStart).split("\n").length - 1,
    body: text.slice(bodyStart),
  };
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

/** Splits text into front matter and body. Pure: the text is given, nothing is read. */
export function readSource(text: string, file: string): Source {
  const split = splitFrontMatter(text.replace(/^\uFEFF/, ""));
  checkLanguage(split.language, file);
  let yaml: ParsedYaml | undefined;
  let data: unknown = {};
  if (split.yamlText !== undefined) {
    try {
      yaml = parseYaml(split.yamlText);
      // toJS throws too: an alias to an anchor that is not there (`*a`), too many aliases (a YAML bomb).
      data = yaml.document.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (error) {
      const line = error instanceof YAMLError ? error.linePos?.[0]?.line : undefined;
      const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      throw new TalkdeckError(
        ErrorCode.FrontMatterSyntax,
        `the front matter is not valid YAML: ${reason}`,
        {
          location: line === undefined ? { file } : { file, line },
          hint: FRONT_MATTER_HINT,
        },
      );
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
    locate: makeLocator(file, yaml),
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
