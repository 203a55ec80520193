import type { ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import styleToJs from "style-to-js";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { checkImageSources } from "./image-sources.js";
import { lineAt, type TemplateOrigin } from "./template-origin.js";

export type { TemplateOrigin } from "./template-origin.js";

/** The element tree satori takes (the shape React elements have). */
export interface CardElement {
  type: string;
  props: {
    style?: Record<string, string>;
    children?: CardChild | CardChild[];
    [attribute: string]: unknown;
  };
}
type CardChild = string | CardElement;

/** Template indentation (white space with a line break) is layout of the source, not text. */
function isIndentation(text: string): boolean {
  return /\n/.test(text) && text.trim() === "";
}

function convert(node: ChildNode, origin: TemplateOrigin | undefined): CardChild | undefined {
  if (node.type === "text") return isIndentation(node.data) ? undefined : node.data;
  if (node.type !== "tag") return undefined;
  checkImageSources(node.name, node.attribs, origin);
  const { style, ...attributes } = node.attribs;
  const children = node.children
    .map((child) => convert(child, origin))
    .filter((child) => child !== undefined);
  const props: CardElement["props"] = { ...attributes };
  if (style !== undefined) props.style = styleToJs(style);
  if (children.length === 1) props.children = children[0];
  else if (children.length > 1) props.children = children;
  return { type: node.name, props };
}

/**
 * Where the template's own text has a second root (element or text): the
 * line to name. Handlebars blocks (`{{#if}}`) may add or hide roots only when
 * rendered, so this may find none: the message then names the file alone.
 */
function secondRootLine(source: string): number | undefined {
  const roots = parseDocument(source, { withStartIndices: true }).children.filter(
    (node) => node.type === "tag" || (node.type === "text" && node.data.trim() !== ""),
  );
  const [first, second] = roots;
  const extra = first?.type === "text" ? first : second;
  return extra?.startIndex === null || extra === undefined
    ? undefined
    : lineAt(source, extra.startIndex);
}

function rootError(origin: TemplateOrigin | undefined): TalkdeckError {
  const location: ErrorLocation = {};
  if (origin !== undefined) {
    location.file = origin.file;
    const line = secondRootLine(origin.source);
    if (line !== undefined) location.line = line;
  }
  return new TalkdeckError(
    ErrorCode.TemplateError,
    "a card template must have exactly one root element",
    { location, hint: "wrap the card's markup in a single <div>" },
  );
}

/**
 * Card HTML (from a Handlebars template) to the element tree satori draws.
 * htmlparser2 decodes entities in text and attributes, so `R&amp;D` shows as
 * `R&D` and `font-family: &quot;Inter&quot;` is a real font name. `origin`
 * names the template in messages.
 */
export function htmlToElement(markup: string, origin?: TemplateOrigin): CardElement {
  const roots = parseDocument(markup.trim()).children.map((node) => convert(node, origin));
  const elements = roots.filter((root): root is CardElement => typeof root === "object");
  const [root, extra] = elements;
  if (
    root === undefined ||
    extra !== undefined ||
    roots.some((node) => typeof node === "string" && node.trim() !== "")
  ) {
    throw rootError(origin);
  }
  return root;
}
