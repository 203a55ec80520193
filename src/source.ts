import { readFile } from "node:fs/promises";
import matter from "gray-matter";
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

/** Splits text into front matter and body. Pure: the text is given, nothing is read. */
export function readSource(text: string, file: string): Source {
  let yaml: ParsedYaml | undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      engines: {
        yaml: (yamlText: string) => {
          yaml = parseYaml(yamlText);
          return (yaml.document.toJS() as object | null) ?? {};
        },
      },
    });
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
  const data: unknown = parsed.data;
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
  const headerLength = text.length - parsed.content.length;
  const blankLines = text.slice(0, headerLength).split("\n").length - 1;
  return {
    file,
    text,
    body: "\n".repeat(blankLines) + parsed.content,
    data: data as Record<string, unknown>,
    locate: makeLocator(file, yaml),
  };
}

/** Reads a file from disk into a Source, with a clear error when it is missing. */
export async function loadSource(file: string): Promise<Source> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new TalkdeckError(ErrorCode.FileNotFound, "no such file", {
        location: { file },
        hint: "check the path; `talkdeck build path/to/talk.md`",
      });
    }
    throw new TalkdeckError(
      ErrorCode.FileUnreadable,
      `cannot read the file (${code ?? "unknown error"})`,
      {
        location: { file },
        cause: error,
      },
    );
  }
  return readSource(text.replace(/^\uFEFF/, ""), file);
}
