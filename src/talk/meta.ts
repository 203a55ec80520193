import type { Root, RootContent } from "mdast";
import { httpUrlHref } from "../http-url.js";
import { nodeText, ownText } from "./markdown.js";
import type { TalkMeta } from "./model.js";
import { detectLang } from "./text.js";

/** Header lines such as `文章作者: 瓜哥AI新知` or `Author: Jane Doe`, by the field they fill. */
const HEADER_KEYS: ReadonlyArray<[RegExp, keyof TalkMeta]> = [
  [/^(文章作者|作者|author|by)$/i, "author"],
  [/^(发布时间|发布日期|时间|日期|date|published)$/i, "date"],
  [/^(发布地|地点|地址|place|location|venue)$/i, "place"],
  [/^(原文链接|原文|来源|source|url|link)$/i, "sourceUrl"],
  [/^(封面图链接|封面|cover|cover image)$/i, "coverUrl"],
  [/^(原始内容参考|原视频|视频链接|视频|video|original|recording)$/i, "originalUrl"],
];

const HEADER_LINE = /^\s*([^:：\n]{1,12})\s*[:：]\s*(.+?)\s*$/;
const URL_FIELDS: ReadonlySet<keyof TalkMeta> = new Set(["sourceUrl", "coverUrl", "originalUrl"]);

/** The first http(s) URL in a header value (`原文链接：https://…（公众号）`), or undefined. */
function firstHttpUrl(value: string): string | undefined {
  const match = /https?:\/\/[^\s<>"'）)]+/i.exec(value);
  return match === null ? undefined : httpUrlHref(match[0]);
}

function parseDateTime(value: string): Pick<TalkMeta, "date" | "time"> {
  const match = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2}))?/.exec(value);
  if (match === null) return {};
  const [, year, month, day, hour, minute] = match;
  const date = `${year}-${month?.padStart(2, "0")}-${day?.padStart(2, "0")}`;
  return hour === undefined ? { date } : { date, time: `${hour.padStart(2, "0")}:${minute}` };
}

/** Reads `key: value` lines from the paragraphs before the first section heading. */
function readHeaderFields(blocks: readonly RootContent[]): Partial<TalkMeta> {
  const fields: Partial<TalkMeta> = {};
  for (const block of blocks) {
    if (block.type === "heading" && block.depth > 1) break;
    if (block.type !== "paragraph") continue;
    // Header values sit one per line, so read the raw lines, not the joined text.
    const raw = ownText(block);
    for (const line of raw.split("\n")) {
      const match = HEADER_LINE.exec(line);
      if (match === null) {
        const inline = /(原始内容参考|原视频|视频链接)\s*[:：]\s*(https?:\S+)/.exec(line);
        if (inline?.[2] !== undefined) fields.originalUrl ??= firstHttpUrl(inline[2]);
        continue;
      }
      const [, key = "", value = ""] = match;
      const field = HEADER_KEYS.find(([pattern]) => pattern.test(key.trim()))?.[1];
      if (field === undefined || fields[field] !== undefined) continue;
      if (field === "date") Object.assign(fields, parseDateTime(value));
      else if (URL_FIELDS.has(field)) {
        const url = firstHttpUrl(value);
        if (url !== undefined) (fields as Record<string, string>)[field] = url;
      } else (fields as Record<string, string>)[field] = value;
    }
  }
  return fields;
}

/** The header fields and the language of a parsed write-up, with its title (see `findTitle`). */
export function readMeta(tree: Root, title: string): TalkMeta {
  const fields = readHeaderFields(tree.children);
  return { ...fields, title, lang: detectLang(nodeText(tree)) };
}
