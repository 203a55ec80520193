import type { Heading, RootContent } from "mdast";
import { nodeText } from "./markdown.js";
import { isNoiseHeading } from "./noise.js";

/** A top-level block with the heading it sits under. */
export interface Block {
  node: RootContent;
  /** Text of the nearest heading above, or "" before the first one. */
  section: string;
  /** Inside a section of links to other articles (往期精选 and the like). */
  inNoiseSection: boolean;
}

/** Tags each top-level block with its section; a noise section lasts until a heading of its depth or higher. */
export function sectionBlocks(children: readonly RootContent[]): Block[] {
  const blocks: Block[] = [];
  let section = "";
  let noiseDepth: number | undefined;
  for (const node of children) {
    if (node.type === "heading") {
      const heading: Heading = node;
      if (noiseDepth !== undefined && heading.depth <= noiseDepth) noiseDepth = undefined;
      if (noiseDepth === undefined && isNoiseHeading(heading)) noiseDepth = heading.depth;
      section = nodeText(heading);
    }
    blocks.push({ node, section, inNoiseSection: noiseDepth !== undefined });
  }
  return blocks;
}
