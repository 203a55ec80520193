import { nodeText } from "./markdown.js";
import type { Speaker, SpeakerRole } from "./model.js";
import { isHanName } from "./names.js";
import type { Block } from "./sections.js";

const AUDIENCE = /提问者|观众|听众|现场提问|audience|questioner|attendee/i;
/** Labels that name the interviewer by role: `主持人：`, `Host:`, `Q:`, `问：`. */
const HOST_ROLE =
  /^(主持人|主持|记者|采访者|采访人|对话人|问|Q|host|co-?host|interviewer|moderator|anchor)$/i;
/** A programme or publication speaking as the interviewer: `《远光灯》：`, `《晚点》：`. */
const PROGRAMME = /^《[^》]{1,20}》$/u;
const BIO_HEADING =
  /简介|介绍|嘉宾|讲者|演讲者|about the (speakers?|guests?|hosts?)|speakers?|guests?|bios?$/i;

export function roleOf(name: string): SpeakerRole {
  return AUDIENCE.test(name) ? "audience" : "speaker";
}

/** A label that says "the interviewer" rather than who: a role word or the programme's name. */
export function isHostLabel(name: string): boolean {
  return HOST_ROLE.test(name.trim()) || PROGRAMME.test(name.trim());
}

/** Only a role word: `主持人`, `Host`, `Q` (a programme's name is a name). */
export function isRoleWord(name: string): boolean {
  return HOST_ROLE.test(name.trim());
}

/**
 * What a label must look like to count after a single use: a person's name
 * (`Sam`, `Erik & Barry`, `Kevin Weil`, `楼天城`, `凯文·韦尔`) or a programme
 * (`《远光灯》`), not a phrase (`视频和多模态模型`, `The answer`).
 */
export function looksLikePersonName(name: string): boolean {
  const trimmed = name.trim();
  if (PROGRAMME.test(trimmed)) return true;
  if (isHanName(trimmed)) return true;
  const words = trimmed
    .split(/\s+/)
    .filter((word) => !/^(&|and|de|van|von|der|da|di|le|la)$/.test(word));
  return (
    words.length >= 1 &&
    words.length <= 4 &&
    words.every((word) => /^[A-Z][\p{Script=Latin}'’.-]*$/u.test(word) || /^[A-Z]{2,4}$/.test(word))
  );
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

/** Job titles a Chinese bio names (not the words of a talk's title: title-names.ts). */
const JOB_TITLE_WORDS_ZH =
  "首席[\\p{Script=Han}]{1,4}官|CEO|CTO|CPO|COO|总裁|创始人|联合创始人|负责人|主席|总监|合伙人|教授|研究员|科学家|工程师|经理|主编|主持人";
/** `是OpenAI的首席执行官` / `现任OpenAI首席产品官`: the first job title a Chinese bio states. */
const TITLE_ZH = new RegExp(
  `(?:现任|担任|是|为)([^，。；、\\s]{0,24}?(?:${JOB_TITLE_WORDS_ZH}))`,
  "u",
);
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
  hosts: ReadonlySet<string> = new Set(),
): Speaker[] {
  return names.map((name) => {
    const found = findBio(blocks, name);
    const other = [...(labelsUsed.get(name) ?? [])].filter((label) => label !== name);
    const aliases = [...new Set([...(found?.aliases ?? []), ...other])];
    const speaker: Speaker = { name, aliases, role: roleOf(name), host: hosts.has(name) };
    if (found !== undefined) {
      speaker.bio = found.bio;
      const title = titleFromBio(found.bio);
      if (title !== undefined) speaker.title = title;
    }
    return speaker;
  });
}
