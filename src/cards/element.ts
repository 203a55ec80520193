import { decodeHTML } from "entities";
import { html } from "satori-html";

/** The element tree satori takes (the shape React elements have). */
export interface CardElement {
  type: string;
  props: {
    style?: Record<string, unknown>;
    children?: CardChild | CardChild[];
    [prop: string]: unknown;
  };
}
type CardChild = string | CardElement;

/**
 * Handlebars escapes `&`, `<`, quotes… as entities and satori-html keeps them as
 * written, so decode text and style values once the tree is built: `&amp;` on a
 * card would otherwise show as five characters.
 */
function decode(node: CardChild): CardChild {
  if (typeof node === "string") return decodeHTML(node);
  const { children, style, ...rest } = node.props;
  const props: CardElement["props"] = { ...rest };
  if (style !== undefined) {
    props.style = Object.fromEntries(
      Object.entries(style).map(([key, value]) => [
        key,
        typeof value === "string" ? decodeHTML(value) : value,
      ]),
    );
  }
  if (children !== undefined)
    props.children = Array.isArray(children) ? children.map(decode) : decode(children);
  return { type: node.type, props };
}

/** Card HTML (from a template) to the element tree satori draws. */
export function htmlToElement(markup: string): CardElement {
  return decode(html(markup.trim()) as CardElement) as CardElement;
}
