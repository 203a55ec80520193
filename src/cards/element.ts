import type { ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import styleToJs from "style-to-js";
import { ErrorCode, TalkdeckError } from "../errors.js";

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

function convert(node: ChildNode): CardChild | undefined {
  if (node.type === "text") return isIndentation(node.data) ? undefined : node.data;
  if (node.type !== "tag") return undefined;
  const { style, ...attributes } = node.attribs;
  const children = node.children.map(convert).filter((child) => child !== undefined);
  const props: CardElement["props"] = { ...attributes };
  if (style !== undefined) props.style = styleToJs(style);
  if (children.length === 1) props.children = children[0];
  else if (children.length > 1) props.children = children;
  return { type: node.name, props };
}

/**
 * Card HTML (from a Handlebars template) to the element tree satori draws.
 * htmlparser2 decodes entities in text and attributes, so `R&amp;D` shows as
 * `R&D` and `font-family: &quot;Inter&quot;` is a real font name.
 */
export function htmlToElement(markup: string): CardElement {
  const roots = parseDocument(markup.trim()).children.map(convert);
  const elements = roots.filter((root): root is CardElement => typeof root === "object");
  const [root, extra] = elements;
  if (
    root === undefined ||
    extra !== undefined ||
    roots.some((node) => typeof node === "string" && node.trim() !== "")
  ) {
    throw new TalkdeckError(
      ErrorCode.TemplateError,
      "a card template must have exactly one root element",
      {
        hint: "wrap the card's markup in a single <div>",
      },
    );
  }
  return root;
}
