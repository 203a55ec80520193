/** What the write-up itself puts forward outside the turns: headings, the lead, pull quotes. */
import { nodeText, startLine } from "../markdown.js";
import type { Block } from "../sections.js";
import type { TurnDraft } from "../turns.js";

/** Enough to cover a long lead and every heading; a page of links adds nothing. */
const MAX_HIGHLIGHTS = 300;

/**
 * The text of the blocks no turn holds: headings (editors restate a line as
 * a heading), the lead or preface, pull quotes, captions. Noise sections
 * (往期精选 and the like) are left out.
 */
export function highlightsOf(blocks: readonly Block[], turns: readonly TurnDraft[]): string[] {
  const inTurns = new Set(
    turns.flatMap((turn) => turn.paragraphs.map((paragraph) => paragraph.line)),
  );
  const texts: string[] = [];
  for (const { node, inNoiseSection } of blocks) {
    if (inNoiseSection || texts.length >= MAX_HIGHLIGHTS) continue;
    if (!["heading", "paragraph", "blockquote", "list"].includes(node.type)) continue;
    if (node.type !== "heading" && inTurns.has(startLine(node))) continue;
    const text = nodeText(node).trim();
    if (text !== "") texts.push(...text.split("\n").filter((line) => line.trim() !== ""));
  }
  return texts.slice(0, MAX_HIGHLIGHTS);
}
