import type { Paragraph } from "mdast";
import { isAllEmphasis, nodeText } from "./markdown.js";
import { readingLength } from "./text.js";

/**
 * What an editor, translator or publisher puts between a speaker's
 * paragraphs: image captions, bylines, italic asides and glosses. None of it
 * is anyone's turn.
 */

/** `△ 图为…`, `图：…`, `图片来源：…`, `题图来源`, `Photo: …`, `Image credit: …`. */
const CAPTION =
  /^(?:[△▲▼▽◆◇■□●]|(?:图|图片|图源|题图|配图|封面|视频)(?:来源|来自|说明)?\s*[|丨｜:：]|(?:图片|题图|配图)来源|(?:photo|image|picture|video|source|credit|photo credit|image credit|caption)s?\s*:)/iu;

/** `文丨程曼祺`, `编辑｜宋玮`, `允中 发自 凹非寺`, `By Jane Doe`: who wrote it, not what was said. */
const BYLINE =
  /^(?:作者|文|编辑|责编|主编|出品|撰文|整理|翻译|编译|校对|排版|采访|策划|摄影|口述|来源)\s*[丨｜|:：/]|^\S{1,12}\s*发自\s*\S{1,12}$|^(?:by|written by|edited by|translated by)\s+[A-Z]/u;

/** `编者按：…`, `编辑补充：…`, `译者注：…`, `Editor's note: …`. */
const EDITORS_NOTE =
  /^(?:编者按|编者注|编注|编辑补充|编辑注|译者注|译注|注释|editor'?s note|translator'?s note)\s*[:：]/iu;

/** The line that closes a WeChat article: `-END-`, `--- 完 ---`, `· FIN ·`, `（全文完）`. */
const END_MARKER =
  /^[\s\-—–·•*=~_]*(?:end|fin|完|全文完|本文完|the end)[\s\-—–·•*=~_]*$|^[(（](?:完|全文完|本文完)[)）]$/iu;

/** `贺乾明对此文亦有贡献。`, `Additional reporting by …`: a credit line. */
const CREDIT =
  /对(此|本)文(亦|也)?有(所)?贡献|^additional reporting by\b|contributed (to )?(this|the) (article|report|story)/iu;

/** A link to somewhere else and nothing more: a related article, the clipper's source line. */
function isLinkLine(paragraph: Paragraph): boolean {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== "link") return false;
  if (
    rest.every((node) => node.type === "link" || (node.type === "text" && node.value.trim() === ""))
  )
    return true;
  // `[mp.weixin.qq.com](…)李榜主 AI产品榜`: the clipper's line naming the source.
  const domain = /^[\w-]+(\.[\w-]+)+$/.test(nodeText(first).trim());
  return domain && readingLength(nodeText(paragraph)) <= 40;
}

/**
 * A caption, byline, credit, editor's or translator's note, a paragraph
 * wholly in italics, or a line that only links elsewhere.
 */
export function isEditorial(paragraph: Paragraph): boolean {
  const text = nodeText(paragraph).trim();
  if (CAPTION.test(text) || BYLINE.test(text) || EDITORS_NOTE.test(text) || CREDIT.test(text))
    return true;
  return isAllEmphasis(paragraph.children) || isLinkLine(paragraph);
}

/**
 * A few words with no punctuation at all, standing as a paragraph of their
 * own: an account's name or slogan, `更多榜单`, `42章经` (a speaker's paragraph
 * is a sentence).
 */
export function isFragment(text: string): boolean {
  const trimmed = text.trim();
  return readingLength(trimmed) <= 12 && !/[。！？!?…，,；;、]|\.$/u.test(trimmed);
}

/** The end of the article: what follows is its footer. */
export function isEndMarker(paragraph: Paragraph): boolean {
  return END_MARKER.test(nodeText(paragraph).trim());
}
