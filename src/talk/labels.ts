import type { Paragraph, PhrasingContent } from "mdast";
import { boldMask, dropVisiblePrefix, isAllBold, rawInlineText } from "./markdown.js";
import { isHanName } from "./names.js";

/** How a turn's speaker was written: `**Name：**`, `Name:` or `Name (00:04:30):`. */
export type LabelKind = "bold" | "plain" | "timestamp";

/** A speaker label at the start of a paragraph, and the inline content after it. */
export interface Label {
  /** The name as written, asterisks and timestamp removed; `""` for a bare `(00:05:19):` (the same speaker goes on). */
  name: string;
  kind: LabelKind;
  rest: PhrasingContent[];
  /** The whole paragraph is bold, label included: a question written `**主持人：…？**`. */
  wholeBold: boolean;
}

/** A name is short and carries no sentence punctuation. */
const NAME = /^[^\s。，,！？!?；;“”"()（）[\]【】#>*-][^。，！？!?；;“”"]{0,29}$/u;
/** Lead-in lines that end in a colon but name no one. */
const NOT_A_NAME =
  /^(注意|注|提示|备注|总结|结论|问题|原文|原文链接|来源|作者|文章作者|发布时间|发布地|时间|日期|地点|封面图链接|编者按|编者注|编者|编辑|责编|译者注|译者|导语|引言|前言|摘要|简介|概述|按|图|图片|图源|题图|出品|撰文|整理|翻译|编译|策划|主题|关键词|标签|chapters?|summary|abstract|note|notes|update|edit|editor'?s note|source|author|authors|date|time|location|venue|theme|topic|tags?|keywords?|title|subtitle|description|url|links?|transcript|recorded|published|duration|episode|tl;?dr|key takeaways|takeaways|p\.?s\.?|ps|例如|比如|譬如|比方说|举例|举个例子|首先|其次|然后|最后|另外|此外|同时|因此|所以|但是|不过|其实|总之|总的来说|简单来说|换句话说|也就是说|第[一二三四五六七八九十\d]+[点条步个]?|答案|原因|结果|方法|建议|观点|背景|目标|案例|重点|核心|关键|启示|思考|反思|要点|example|examples|answer|question|result|results|tip|tips|warning|important|bonus|context|background|disclaimer|definition|problem|solution|goal|step \d+|part \d+|lesson \d+|rule \d+)$/iu;
/** Verbs of saying end a clause, not a name: `他说：`, `she said:`. */
const SAYING = /(说|道|表示|指出|认为|写道|回答|said|says|asked|wrote|explains?)$/iu;
const TIMESTAMP = /\s*[(（]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[)）]\s*$/u;
/** A Chinese name without Latin letters is short: a programme `《远光灯》`, a dotted name, a nickname. */
const LONG_HAN_NAME = 10;

/** The name a label gives, or undefined when the text before the colon cannot be a name. */
function asName(raw: string): string | undefined {
  const name = raw.replace(/\*/g, "").replace(TIMESTAMP, "").replace(/\s+/g, " ").trim();
  if (!NAME.test(name) || /^\d+$/.test(name) || NOT_A_NAME.test(name) || SAYING.test(name))
    return undefined;
  if (name.split(/\s+/).length > 4) return undefined;
  const han = name.replace(/[《》〈〉·•・\s]/gu, "");
  if (!/[A-Za-z]/.test(han) && [...han].length > LONG_HAN_NAME) return undefined;
  return name;
}

/** `(00:05:19)` on its own, or after a name: `Lex Fridman (00:04:30):`. */
const STAMPED =
  /^\s*([^\n(（]{0,40}?)\s*[(（]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[)）]\s*([:：]?)\s*$/u;
/** `Name：`, `**Name**：`, `**《远光灯》** **：**`: up to 40 characters, then a colon. */
const COLON = /^[\s*]*([^\n:：]{1,40}?)[\s*]*[:：][\s*]*/u;

/** Drops the separator (white space, line break, stray asterisks, a colon) that follows a label. */
function trimLeadingSeparator(rest: PhrasingContent[]): PhrasingContent[] {
  const [first, ...others] = rest;
  if (first === undefined) return rest;
  if (first.type === "break") return trimLeadingSeparator(others);
  if (first.type === "strong" || first.type === "emphasis") {
    const inner = trimLeadingSeparator(first.children);
    if (inner.length === 0) return trimLeadingSeparator(others);
    return [{ ...first, children: inner }, ...others];
  }
  if (first.type !== "text") return rest;
  const value = first.value.replace(/^[\s*]*(?:[:：][\s*]*)?/u, "");
  return value === "" ? trimLeadingSeparator(others) : [{ ...first, value }, ...others];
}

/**
 * The speaker label a paragraph opens with, if any, in every form the write-ups
 * use: `**凯文·韦尔：**`, `**Name**：`, `**Name** :`, `**《远光灯》** **：**`,
 * `**Sam:**Honestly`, `奥特曼：…`, a label alone on its line with the speech
 * below, `Name (00:04:30):`, a bare `(00:05:19):`, and a question bold
 * throughout, label inside (`**主持人：…？**`). Whether it is a real speaker is
 * decided later.
 */
export function readLabel(paragraph: Paragraph): Label | undefined {
  if (!labelCache.has(paragraph)) labelCache.set(paragraph, readLabelUncached(paragraph));
  return labelCache.get(paragraph);
}

/** Each paragraph is asked several times (which labels exist, turns, headings): read it once. */
const labelCache = new WeakMap<Paragraph, Label | undefined>();

function readLabelUncached(paragraph: Paragraph): Label | undefined {
  const nodes = paragraph.children;
  const text = rawInlineText(nodes);
  const newline = text.indexOf("\n");
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const wholeBold = isAllBold(nodes);

  const stamped = STAMPED.exec(firstLine);
  if (stamped !== null) {
    const raw = stamped[1] ?? "";
    if (raw.trim() === "" && stamped[2] === "") return undefined;
    const name = raw.trim() === "" ? "" : asName(raw);
    if (name === undefined) return undefined;
    const rest = trimLeadingSeparator(dropVisiblePrefix(nodes, firstLine.length));
    return { name, kind: "timestamp", rest, wholeBold };
  }

  const colon = COLON.exec(firstLine);
  if (colon?.[1] === undefined) return undefined;
  const name = asName(colon[1]);
  if (name === undefined) return undefined;
  const start = colon[0].indexOf(colon[1]);
  const bold = boldMask(nodes)[start] === true || /^\s*\*\*/.test(colon[0]);
  const rest = trimLeadingSeparator(dropVisiblePrefix(nodes, colon[0].length));
  return { name, kind: bold ? "bold" : "plain", rest, wholeBold };
}

/** Roles that introduce the speaker in a header line: `**Presenter:** [[Jane Doe]]`, `演讲者：张三`. */
const SPEAKER_ROLE =
  /^(presenter|presenters|speaker|speakers|keynote|keynote speaker|lecturer|guest|guests|演讲者|演讲人|主讲人|主讲|讲者|演讲嘉宾|分享嘉宾|嘉宾)$/iu;
/** Roles that introduce the host: `主持人：Olivia Kinghorst`, `Host: Jane Doe`. */
const HOST_ROLE_LINE = /^(host|hosts|moderator|interviewer|主持人|主持|采访|采访者|对话人)$/iu;

/** A header line naming who speaks or hosts: metadata, not a turn. */
export interface RoleLine {
  role: "speaker" | "host";
  names: string[];
}

/** One or a few names and nothing else: `[[David Heinemeier Hansson]]`, `张三、李四`, `Jane Doe and John Roe`. */
function namesOnly(text: string): string[] | undefined {
  const linked = /^\s*\[\[[^\]]+\]\]\s*$/.test(text);
  const cleaned = text.replace(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g, "$1").trim();
  if (cleaned === "" || /[。！？!?；;]|[^A-Z]\.$/u.test(cleaned)) return undefined;
  const names = cleaned
    .split(/\s*(?:[,，、&/]|\band\b|和|与)\s*/u)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  // A full name (`Jane Doe`, `张三`, `萨姆·奥特曼`); a single word only as a wiki link (`[[Jane]]`).
  const person = (name: string) =>
    /^[A-Z][\p{Script=Latin}'’.-]*(?:\s+(?:[A-Z][\p{Script=Latin}'’.-]*|de|van|von|der|da|di|le|la)){1,3}$/u.test(
      name,
    ) ||
    (linked && /^[A-Z][\p{Script=Latin}'’.-]*$/u.test(name)) ||
    isHanName(name);
  return names.length > 0 && names.length <= 4 && names.every(person) ? names : undefined;
}

/** `**Presenter:** [[Jane Doe]]`, `主持人：Olivia Kinghorst`: a role followed by names only. */
export function readRoleLine(paragraph: Paragraph): RoleLine | undefined {
  const text = rawInlineText(paragraph.children).trim();
  if (text.includes("\n")) return undefined;
  const match = /^[\s*]*([^:：]{1,20}?)[\s*]*[:：][\s*]*(.+)$/u.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const role = SPEAKER_ROLE.test(match[1].trim())
    ? "speaker"
    : HOST_ROLE_LINE.test(match[1].trim())
      ? "host"
      : undefined;
  if (role === undefined) return undefined;
  const names = namesOnly(match[2].replace(/\*/g, ""));
  return names === undefined ? undefined : { role, names };
}
