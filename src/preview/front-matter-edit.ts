/**
 * Edits the YAML front matter of a user's file through the `yaml` package's
 * Document API, so that comments, key order and quoting survive, and splices
 * it back between the fences: the Markdown body stays byte for byte.
 */
import { isDeepStrictEqual } from "node:util";
import { type Document, parseDocument } from "yaml";
import { ErrorCode, TalkdeckError } from "../errors.js";
import { frontMatterClose } from "../source.js";

/** Printing options that change as little as possible: no folding, `[a, b]` as written. */
const PRINT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Files longer than this many YAML lines are not worth aligning line by line. */
const MAX_ALIGNED_LINES = 2_000;

/** Lengths of the longest common subsequences of every suffix pair: the table for `alignLines`. */
function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    const row = table[i] as number[];
    const below = table[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j -= 1) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  return table;
}

/**
 * The printer normalises what it re-prints (`x   # note` becomes `x # note`).
 * `baseline` is the unedited document as the printer prints it and `edited`
 * the edited one: each edited line the edit did not touch (matched to a
 * baseline line) is given back as the user wrote it, so only the lines the
 * edit changed come out in the printer's style. When the printer changed the
 * line structure itself, the printed text is used as it is.
 */
export function keepLayout(original: string, baseline: string, edited: string): string {
  const theirs = original.split("\n");
  const base = baseline.split("\n");
  const next = edited.split("\n");
  if (theirs.length !== base.length || next.length > MAX_ALIGNED_LINES) return edited;
  const table = lcsTable(base, next);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (j < next.length) {
    if (i < base.length && base[i] === next[j]) {
      out.push(theirs[i] ?? "");
      i += 1;
      j += 1;
    } else if (i < base.length && (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) {
      i += 1;
    } else {
      out.push(next[j] ?? "");
      j += 1;
    }
  }
  return out.join("\n");
}

/** Whether `yaml` parses, without errors, to the same data as `document`. */
function sameData(yaml: string, document: Document): boolean {
  const reread = parseDocument(yaml);
  return (
    reread.errors.length === 0 &&
    isDeepStrictEqual(reread.toJS({ maxAliasCount: 100 }), document.toJS({ maxAliasCount: 100 }))
  );
}

/** Where the YAML sits in the file: after the opening fence's line, up to the closing fence's line break. */
function yamlRange(text: string): { start: number; end: number } | undefined {
  const close = frontMatterClose(text);
  if (close === undefined) return undefined;
  const firstBreak = text.indexOf("\n");
  // `---\n---`: an empty front matter, the closing break right after the opening line.
  const start = firstBreak < close ? firstBreak + 1 : close;
  return { start, end: close };
}

/**
 * `text` with its front matter changed by `edit` (a file without one gets
 * one). The Markdown after the closing fence, a BOM and CRLF line breaks are
 * kept. A front matter the `yaml` package cannot parse is refused: rewriting
 * it could lose what the user wrote.
 */
export function editFrontMatter(
  text: string,
  file: string,
  edit: (document: Document) => void,
): string {
  const crlf = text.includes("\r\n");
  const range = yamlRange(text);
  if (range === undefined && text.replace(/^\uFEFF/, "").startsWith("---")) {
    // An opening fence with no closing one: the whole file is front matter, and no place to add to it.
    throw new TalkdeckError(ErrorCode.FrontMatterSyntax, "the front matter has no closing `---`", {
      location: { file, line: 1 },
      hint: "end the front matter with a line of just `---`",
    });
  }
  const original = range === undefined ? "" : text.slice(range.start, range.end).replace(/\r/g, "");
  const document = parseDocument(original);
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    throw new TalkdeckError(
      ErrorCode.FrontMatterSyntax,
      `the front matter is not valid YAML: ${firstError.message.split("\n")[0]}`,
      { location: { file }, hint: "fix the YAML, then pick again" },
    );
  }
  // Blank lines before the closing fence are the user's, not the document's: kept aside.
  const trailing = /\n*$/.exec(original)?.[0] ?? "";
  const written = original.slice(0, original.length - trailing.length);
  const baseline = document.toString(PRINT).replace(/\n$/, "");
  edit(document);
  const edited = document.toString(PRINT).replace(/\n$/, "");
  let yaml = `${written === "" ? edited : keepLayout(written, baseline, edited)}${trailing}`;
  // The user's lines are given back by aligning printed lines; where the printer
  // moved lines about (a folded scalar joined, a blank line added), the alignment
  // can be wrong. The result must say exactly what the edited document says, or
  // the printer's own text is written instead: its style, but never lost keys.
  if (!sameData(yaml, document)) yaml = `${edited}${trailing}`;
  if (crlf) yaml = yaml.replace(/\n/g, "\r\n");
  const newline = crlf ? "\r\n" : "\n";
  if (range === undefined) {
    const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    return `${bom}---${newline}${yaml}${newline}---${newline}${newline}${text.slice(bom.length)}`;
  }
  // An empty front matter has no line of its own to replace: the YAML gets one.
  const head =
    range.start === range.end
      ? `${text.slice(0, range.start)}${newline}`
      : text.slice(0, range.start);
  return `${head}${yaml}${text.slice(range.end)}`;
}
