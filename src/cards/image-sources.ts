import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { lineAt, type TemplateOrigin } from "./template-origin.js";

/**
 * Card templates may show images only from `data:` URIs (the logo and the
 * quote mark come as such). satori fetches any other `<img src>` or CSS
 * `url(…)` itself: an `http:` source reaches the network without
 * `--allow-remote`, and a `file:` one crashed with a stack trace.
 */

/** Attributes whose value is a resource to load. */
const SOURCE_ATTRIBUTES = new Set(["src", "srcset", "href", "xlink:href", "poster"]);
/**
 * Attributes whose value may hold CSS `url(…)`: the style, and SVG's paint and
 * reference attributes. (Text in other attributes, `alt` or `title`, loads nothing.)
 */
const URL_ATTRIBUTES = new Set([
  "style",
  "fill",
  "stroke",
  "mask",
  "clip-path",
  "filter",
  "marker-start",
  "marker-mid",
  "marker-end",
]);
/** `url(…)`, quoted or not. */
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)/giu;

/** A source that loads nothing from outside: inline data, or a reference inside the same SVG. */
function isInline(value: string): boolean {
  const trimmed = value.trim();
  return /^data:/iu.test(trimmed) || trimmed.startsWith("#");
}

/** The external sources among an element's attributes: `[attribute, value]`. */
function externalSources(attributes: Readonly<Record<string, string>>): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (SOURCE_ATTRIBUTES.has(name.toLowerCase())) {
      if (!isInline(value)) found.push([name, value]);
      continue;
    }
    if (!URL_ATTRIBUTES.has(name.toLowerCase())) continue;
    for (const match of value.matchAll(CSS_URL)) {
      const target = match[1] ?? match[2] ?? match[3] ?? "";
      if (!isInline(target)) found.push([name, target]);
    }
  }
  return found;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Where the template's own text has the value: a literal source is there, one from data is not. */
function locate(origin: TemplateOrigin | undefined, value: string): ErrorLocation {
  if (origin === undefined) return {};
  const offset = value === "" ? -1 : origin.source.indexOf(value);
  return offset === -1
    ? { file: origin.file }
    : { file: origin.file, line: lineAt(origin.source, offset) };
}

/** Refuses an element that would make satori load an image from anywhere but a `data:` URI. */
export function checkImageSources(
  tag: string,
  attributes: Readonly<Record<string, string>>,
  origin: TemplateOrigin | undefined,
): void {
  const [first] = externalSources(attributes);
  if (first === undefined) return;
  const [attribute, value] = first;
  throw new TalkdeckError(
    ErrorCode.ImageSourceRefused,
    `a card template may load images only from data: URIs, but <${tag} ${attribute}> loads "${shorten(value)}"`,
    {
      location: locate(origin, value),
      hint: "cards are drawn offline: use the `logo` (cards.logo in the front matter), or embed the image as a data: URI",
    },
  );
}
