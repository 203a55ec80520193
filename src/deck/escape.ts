/**
 * Escaping for text from the talk (untrusted) on its way into Marp Markdown.
 * A quote must not add a slide, set a directive, inject HTML or CSS, become an
 * emoji or math, or be read as a list or heading.
 */
import { httpUrlHref } from "../http-url.js";

/** Characters with inline meaning in CommonMark or in marp-core's plugins. */
const INLINE_SPECIAL = /[\\`*_[\]!|~$={}]/g;

/**
 * A colon that starts an emoji shortcode (`:smile:`, `:smiling_imp:`, `:+1:`,
 * `:e-mail:`). marp-core turns shortcodes into emoji after escapes are
 * resolved, so a backslash does not stop it; an invisible word joiner after
 * the colon does. It must run on the text before `_` is escaped: `\_` would
 * hide `:smiling\_imp:` from this pattern but not from marp-core.
 */
const SHORTCODE_START = /:(?=[\w+-]+:)/g;

export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(normalizeText(text)));
}

/**
 * The first step of `escapeMarkdown`, on the whole text: one line, and no
 * emoji shortcode (it must see the whole text, as marp-core does).
 */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(SHORTCODE_START, ":\u2060");
}

/** The second step, on any piece of normalized text: HTML and inline Markdown made literal. */
export function escapeInline(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/** The last step, on the whole escaped text: block syntax only counts at the start of a line, where a value may land. */
export function escapeLineStart(escaped: string): string {
  return (
    escaped
      .replace(/^([#+-])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
      // In a heading, a last run of `#` after a space closes it: `C #` would show as `C`.
      .replace(/(\s)(#+)$/, "$1\\$2")
  );
}

/** A value for Marp's YAML front matter: a double-quoted YAML (and JSON) string. */
export function escapeYamlString(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, " ").trim());
}

/**
 * Text inside an HTML comment (Marp presenter notes): it must not close the
 * comment, and must not parse as a YAML mapping, or Marp would read it as directives.
 */
export function escapeNote(text: string): string {
  return text
    .replace(/--/g, "\u2010\u2010")
    .replace(/:/g, "\ua789")
    .replace(/[<>]/g, (char) => (char === "<" ? "\u2039" : "\u203a"));
}

/** A link to an http(s) URL in CommonMark; for any other URL, or none, the escaped text alone. */
export function markdownLink(text: string, url: string | undefined): string {
  const href = url === undefined ? undefined : httpUrlHref(url);
  if (href === undefined) return escapeMarkdown(text);
  const destination = href.replace(/[<>\s]/g, encodeURIComponent);
  return `[${escapeMarkdown(text)}](<${destination}>)`;
}

/** A URL as people read it on a slide: no scheme or `www.`, long tails cut (the link keeps all of it). */
export function displayUrl(url: string, maxLength = 48): string {
  const short = url
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/$/, "");
  return short.length > maxLength ? `${short.slice(0, maxLength - 1)}…` : short;
}
