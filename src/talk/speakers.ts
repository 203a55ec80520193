import { readLabel } from "./labels.js";
import { nodeText } from "./markdown.js";
import type { Speaker, SpeakerRole } from "./model.js";
import type { Block } from "./sections.js";

const AUDIENCE = /提问者|观众|听众|现场提问|audience|questioner|attendee|^q$/i;
const BIO_HEADING =
  /简介|介绍|嘉宾|讲者|演讲者|about the (speakers?|guests?|hosts?)|speakers?|guests?|bios?$/i;

export function roleOf(name: string): SpeakerRole {
  return AUDIENCE.test(name) ? "audience" : "speaker";
}

/** Bios: paragraphs under a speakers/简介 heading that start with a speaker's name. */
export function findBio(
  blocks: readonly Block[],
  name: string,
): { bio: string; aliases: string[] } | undefined {
  for (const block of blocks) {
    if (block.node.type !== "paragraph" || !BIO_HEADING.test(block.section)) continue;
    const text = nodeText(block.node);
    if (!text.startsWith(name)) continue;
    // `萨姆·奥特曼（Sam Altman）是…`: the bracket after the name is another name for the same person.
    const alias = /^[（(]([^）)]{2,40})[）)]/u.exec(text.slice(name.length))?.[1]?.trim();
    return { bio: text, aliases: alias === undefined ? [] : [alias] };
  }
  return undefined;
}

const TITLE_WORDS_ZH =
  "首席[\\p{Script=Han}]{1,4}官|CEO|CTO|CPO|COO|总裁|创始人|联合创始人|负责人|主席|总监|合伙人|教授|研究员|科学家|工程师|经理|主编|主持人";
/** `是OpenAI的首席执行官` / `现任OpenAI首席产品官`: the first job title a Chinese bio states. */
const TITLE_ZH = new RegExp(`(?:现任|担任|是|为)([^，。；、\\s]{0,24}?(?:${TITLE_WORDS_ZH}))`, "u");
/** `is the CEO of Acme`, `is a professor at Stanford`: the first title an English bio states. */
const TITLE_EN =
  /\b(?:is|was|serves as)\s+(?:the\s+|an?\s+)?((?:[\w-]+\s+){0,3}?(?:CEO|CTO|CPO|COO|founder|co-founder|president|chair|director|head|professor|partner|researcher|scientist|engineer|editor|host)\b(?:\s+(?:of|at)\s+[^.,;]{2,40})?)/i;

/** A short job title for cards and slides, from the bio's first sentence that states one. */
export function titleFromBio(bio: string): string | undefined {
  const zh = TITLE_ZH.exec(bio)?.[1];
  if (zh !== undefined) return zh.replace(/的/g, "");
  return TITLE_EN.exec(bio)?.[1]?.trim();
}

/** Speakers in order of their first turn, with bios where the text gives them. */
export function buildSpeakers(
  names: readonly string[],
  blocks: readonly Block[],
  labelsUsed: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Speaker[] {
  return names.map((name) => {
    const found = findBio(blocks, name);
    const other = [...(labelsUsed.get(name) ?? [])].filter((label) => label !== name);
    const aliases = [...new Set([...(found?.aliases ?? []), ...other])];
    const speaker: Speaker = { name, aliases, role: roleOf(name) };
    if (found !== undefined) {
      speaker.bio = found.bio;
      const title = titleFromBio(found.bio);
      if (title !== undefined) speaker.title = title;
    }
    return speaker;
  });
}

/**
 * Which labels are real speakers: a name used at least twice, one written
 * with a timestamp, one the front matter or a bio introduces, an audience
 * label, or any bold label where two or more names take bold turns (a
 * conversation). A one-off `**Note:**` or `一些有意思的点：` is not a speaker.
 */
export function acceptedLabelNames(
  blocks: readonly Block[],
  known: ReadonlySet<string>,
): Set<string> {
  const counts = new Map<string, number>();
  const bold = new Set<string>();
  const accepted = new Set<string>();
  for (const block of blocks) {
    if (block.inNoiseSection || block.node.type !== "paragraph") continue;
    const label = readLabel(block.node);
    if (label === undefined) continue;
    counts.set(label.name, (counts.get(label.name) ?? 0) + 1);
    if (label.kind === "timestamp") accepted.add(label.name);
    if (label.kind === "bold") bold.add(label.name);
  }
  const conversation = bold.size >= 2;
  for (const [name, count] of counts) {
    if (
      count >= 2 ||
      known.has(name) ||
      (conversation && bold.has(name)) ||
      roleOf(name) === "audience" ||
      findBio(blocks, name) !== undefined
    ) {
      accepted.add(name);
    }
  }
  return accepted;
}
