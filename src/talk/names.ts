import { nodeText } from "./markdown.js";
import type { Block } from "./sections.js";

/** A speaker the front matter names, with other names the text may use for them. */
export interface SpeakerHint {
  name: string;
  aliases: string[];
}

/** `萨姆·奥特曼`, `莱克斯·弗里德曼`: Chinese renderings of foreign names carry a middle dot. */
const DOTTED_NAME = /[\p{Script=Han}]{1,6}[·•・][\p{Script=Han}]{1,8}/gu;
/** Words that end the text before a name: `主持人是莱克斯·…`, `首席执行官萨姆·…`. */
const BEFORE_NAME = /^.*[是的和与及请到由为人官者在了将被对向]/u;

/** Drops the run-in text a dotted-name match picks up on its left. */
function trimLeft(match: string): string {
  const [given = "", ...rest] = match.replace(/[•・]/gu, "·").split("·");
  const trimmed = given.length > 2 ? given.replace(BEFORE_NAME, "") : given;
  return [trimmed || given, ...rest].join("·");
}

/** Full names the text introduces (dotted names anywhere, before the transcript starts) and the front matter gives. */
export function knownFullNames(blocks: readonly Block[], hints: readonly SpeakerHint[]): string[] {
  const names = new Set(hints.map((hint) => hint.name));
  for (const block of blocks) {
    if (block.inNoiseSection || block.node.type !== "paragraph") continue;
    for (const match of nodeText(block.node).matchAll(DOTTED_NAME)) names.add(trimLeft(match[0]));
  }
  return [...names];
}

/**
 * The full name behind a label: an alias the front matter gives, or a known
 * full name that the label ends or starts (`奥特曼` → `萨姆·奥特曼`, `Altman` → `Sam Altman`).
 */
export function canonicalName(
  label: string,
  fullNames: readonly string[],
  hints: readonly SpeakerHint[],
): string {
  const hinted = hints.find((hint) => hint.name === label || hint.aliases.includes(label));
  if (hinted !== undefined) return hinted.name;
  if (fullNames.includes(label)) return label;
  const matches = fullNames.filter((full) => {
    const parts = full.split(/[·\s]+/u);
    return parts.length > 1 && (parts.at(-1) === label || parts[0] === label);
  });
  const [only, second] = matches;
  return only !== undefined && second === undefined ? only : label;
}
