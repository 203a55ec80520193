import type { MarpOptions } from "@marp-team/marp-core";

/** Where deck.md looks for emoji: Twemoji SVGs copied next to it (`emoji/svg/1f680.svg`). */
export const EMOJI_BASE = "emoji/";

/**
 * The marp-core options of every talkdeck render (ours and marp-cli's engine):
 * emoji drawn from local Twemoji files instead of a CDN, `:shortcodes:` left as
 * text, no math (its fonts and scripts would be fetched), and of raw HTML
 * only `<wbr>` with no attributes: the line-break hints phrase-breaks.ts puts
 * between phrases. The talk's own `<` is escaped before that, so it stays text.
 * (marp-core's default allowlist has `wbr` too: other Marp tools show the
 * same breaks.)
 */
/**
 * A heading's id, from its text without the `<wbr>` phrase breaks (marp's
 * own slugifier would keep them as `wbr` inside the id): lower case, letters,
 * digits, `-` and `_`, white space as `-`.
 */
export function headingSlug(text: string): string {
  return text
    .replaceAll("<wbr>", "")
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]+/gu, "")
    .replace(/\s+/gu, "-");
}

export const marpOptions = {
  html: { wbr: [] },
  slug: headingSlug,
  math: false,
  minifyCSS: false,
  emoji: { shortcode: false, unicode: "twemoji", twemoji: { base: EMOJI_BASE, ext: "svg" } },
} satisfies MarpOptions;
