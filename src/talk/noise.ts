import type { Heading, Paragraph } from "mdast";
import { isImageOnly, nodeText } from "./markdown.js";

/**
 * What WeChat articles, web clippers and podcast pages wrap around a talk:
 * none of it may become a point, a turn's text or a quote.
 */

/** Headings that open a list of links to other articles. */
const NOISE_HEADING =
  /往期(精选|回顾|推荐)|推荐阅读|更多阅读|相关阅读|延伸阅读|热门文章|recommended reading|related (posts|articles|reading)|more from|read more|^references?$/i;

/** Short calls to follow, star, subscribe or scan. */
const PROMO =
  /关注(公众号|我们)|设[🌟⭐星]标|星标|点击.{0,8}关注|扫码|长按.{0,6}二维码|点赞.{0,4}在看|转发.{0,4}在看|跳转到.{0,30}查看|阅读原文|^\d+篇原创内容$|^公众号$|subscribe (to|for)|follow us|like and subscribe|sign up for our newsletter|view (it )?in (your )?browser|后台回复|回复关键词|【(赞|在看|分享|评论)】|本文系.{0,12}(授权|转载)|获授权(刊载|转载)|仅代表作者|未经授权|all rights reserved|reprinted with permission/iu;

/** A promotional line is short; a long paragraph that mentions "关注" is content. */
const PROMO_MAX_LENGTH = 80;

export function isNoiseHeading(heading: Heading): boolean {
  return isNoiseHeadingText(nodeText(heading));
}

/** `推荐阅读`, `往期精选`, also as a paragraph (`****推荐阅读`): a list of other articles follows. */
export function isNoiseHeadingText(text: string): boolean {
  const trimmed = text.replace(/\*/g, "").trim();
  return trimmed.length <= 30 && NOISE_HEADING.test(trimmed);
}

export function isNoiseText(text: string): boolean {
  const trimmed = text.trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return true;
  return trimmed.length <= PROMO_MAX_LENGTH && PROMO.test(trimmed);
}

export function isNoiseParagraph(paragraph: Paragraph): boolean {
  return isImageOnly(paragraph) || isNoiseText(nodeText(paragraph));
}
