/** One `<text>` element of an SVG satori drew with `embedFont: false`. */
export interface Glyph {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

/** `<text>` elements of an SVG drawn with `embedFont: false`, in document order. */
export function glyphs(svg: string): Glyph[] {
  const found: Glyph[] = [];
  for (const match of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const attributes = match[1] ?? "";
    const attribute = (name: string) =>
      Number(new RegExp(`\\b${name}="([\\d.-]+)"`).exec(attributes)?.[1]);
    found.push({
      x: attribute("x"),
      y: attribute("y"),
      width: attribute("width"),
      fontSize: attribute("font-size"),
      text: (match[2] ?? "").replace(
        /&(?:amp|lt|gt|quot);/g,
        (entity) => ENTITIES[entity] ?? entity,
      ),
    });
  }
  return found;
}

export const withoutSpaces = (text: string) => text.replace(/\s/g, "");

/** Everything the SVG spells, spaces left out: whether a text is on the card at all. */
export function spelled(svg: string): string {
  return glyphs(svg)
    .map((glyph) => withoutSpaces(glyph.text))
    .join("");
}
