import type { Paragraph, PhrasingContent } from "mdast";
import { inlineText } from "./markdown.js";

/** How a turn's speaker was written: `**Name：**`, `Name:` or `Name (00:04:30):`. */
export type LabelKind = "bold" | "plain" | "timestamp";

/** A speaker label at the start of a paragraph, and the inline content after it. */
export interface Label {
  name: string;
  kind: LabelKind;
  rest: PhrasingContent[];
}

/** A name is short and carries no sentence punctuation. */
const NAME = /^[^\s。，,！？!?；;“”"()（）[\]【】#>*-][^。，！？!?；;“”"]{0,29}$/u;
/** Lead-in lines that end in a colon but name no one. */
const NOT_A_NAME =
  /^(注意|注|提示|备注|总结|结论|问题|答|问|原文|原文链接|来源|作者|文章作者|发布时间|发布地|时间|地点|封面图链接|chapters?|summary|note|notes|update|edit|source|author|date|tl;?dr|key takeaways|takeaways|p\.?s\.?)$/iu;
/** Verbs of saying end a clause, not a name: `他说：`, `she said:`. */
const SAYING = /(说|道|问|表示|指出|认为|写道|回答|said|says|asked|wrote|explains?)$/iu;
const TIMESTAMP = /\s*[(（]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[)）]\s*$/u;

function asName(raw: string): string | undefined {
  const name = raw.replace(TIMESTAMP, "").trim();
  if (!NAME.test(name) || /^\d+$/.test(name) || NOT_A_NAME.test(name) || SAYING.test(name))
    return undefined;
  if (name.split(/\s+/).length > 4) return undefined;
  return name;
}

/** Drops the separator (colon, white space, line break) that follows a label. */
function trimLeadingSeparator(rest: PhrasingContent[]): PhrasingContent[] {
  const [first, ...others] = rest;
  if (first?.type === "break") return trimLeadingSeparator(others);
  if (first?.type !== "text") return rest;
  const value = first.value.replace(/^\s*[:：]?\s*/u, "");
  return value === "" ? others : [{ ...first, value }, ...others];
}

/** `**凯文·韦尔：**`, `**Name:**`, `**Name**：`, `**Name** :`, `**Erik & Barry:**`. */
function readBoldLabel(paragraph: Paragraph): Label | undefined {
  const [first, second, ...others] = paragraph.children;
  if (first?.type !== "strong") return undefined;
  const strongText = inlineText(first.children);
  const inside = /^(.+?)\s*[:：]$/u.exec(strongText);
  if (inside?.[1] !== undefined) {
    const name = asName(inside[1]);
    const rest = second === undefined ? others : [second, ...others];
    return name === undefined
      ? undefined
      : { name, kind: "bold", rest: trimLeadingSeparator(rest) };
  }
  if (second?.type === "text" && /^\s*[:：]/u.test(second.value)) {
    const name = asName(strongText);
    return name === undefined
      ? undefined
      : { name, kind: "bold", rest: trimLeadingSeparator([second, ...others]) };
  }
  return undefined;
}

/**
 * `**Sam:**Honestly…`: with no space after it, CommonMark does not close the
 * bold (a `**` between punctuation and a letter is not right-flanking), so the
 * label arrives as literal asterisks.
 */
function readUnclosedBoldLabel(paragraph: Paragraph): Label | undefined {
  const [first, ...others] = paragraph.children;
  if (first?.type !== "text") return undefined;
  const match = /^\*\*([^*:：\n]{1,30}?)\s*[:：]\s*\*\*\s*/u.exec(first.value);
  const name = match?.[1] === undefined ? undefined : asName(match[1]);
  if (match === null || name === undefined) return undefined;
  const after = first.value.slice(match[0].length);
  return {
    name,
    kind: "bold",
    rest: after === "" ? others : [{ ...first, value: after }, ...others],
  };
}

/** `奥特曼：…`, `Host: …`, `Lex Fridman (00:04:30):` (alone on its line, speech below). */
function readPlainLabel(paragraph: Paragraph): Label | undefined {
  const [first, ...others] = paragraph.children;
  if (first?.type !== "text") return undefined;
  const newline = first.value.indexOf("\n");
  const firstLine = newline === -1 ? first.value : first.value.slice(0, newline);
  const timestamp = /^(.+?)\s*[(（]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[)）]\s*[:：]?\s*$/u.exec(
    firstLine,
  );
  if (timestamp?.[1] !== undefined) {
    const name = asName(timestamp[1]);
    const after = newline === -1 ? "" : first.value.slice(newline + 1);
    const rest = after.trim() === "" ? others : [{ ...first, value: after }, ...others];
    return name === undefined
      ? undefined
      : { name, kind: "timestamp", rest: trimLeadingSeparator(rest) };
  }
  const plain = /^([^:：\n]{1,30}?)\s*[:：]\s*/u.exec(first.value);
  if (plain?.[1] === undefined) return undefined;
  const name = asName(plain[1]);
  if (name === undefined) return undefined;
  const after = first.value.slice(plain[0].length);
  return {
    name,
    kind: "plain",
    rest: after === "" ? others : [{ ...first, value: after }, ...others],
  };
}

/** The speaker label a paragraph opens with, if any; whether it is a real speaker is decided later. */
export function readLabel(paragraph: Paragraph): Label | undefined {
  return readBoldLabel(paragraph) ?? readUnclosedBoldLabel(paragraph) ?? readPlainLabel(paragraph);
}
