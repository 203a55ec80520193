import type { ThemeTokens } from "./tokens.js";

/**
 * CSS laid over Marp's `default` theme, carried in the deck's own `style`
 * directive so deck.md renders the same in any Marp tool with no settings.
 */
export function marpThemeCss(theme: ThemeTokens): string {
  const { color, font } = theme;
  return `section {
  background: ${color.background};
  color: ${color.text};
  font-family: ${font.deck};
  font-size: 30px;
  line-height: 1.55;
  padding: 64px 80px;
}
section h1, section h2 { color: ${color.accent}; line-height: 1.25; }
section h1 { font-size: 1.7em; }
section a { color: ${color.accent}; }
section::after { color: ${color.muted}; font-size: 0.6em; }
section p.meta, section .meta { color: ${color.muted}; font-size: 0.75em; }
section.title { justify-content: center; }
section.title h1 { font-size: 1.6em; margin-bottom: 0.5em; }
section.agenda ol { font-size: 0.8em; columns: 2; column-gap: 2em; }
section.agenda li { break-inside: avoid; }
section.quote { background: ${color.surface}; justify-content: center; }
section.quote blockquote {
  border: none; margin: 0; padding: 0;
  color: ${color.text}; font-size: 1.3em; font-weight: 700; line-height: 1.5;
}
section.quote blockquote::before {
  content: "\\201C"; color: ${color.accent}; display: block;
  /* The CJK face draws a curly mark in the right half of its cell: pull it back to the margin. */
  font-family: "Noto Sans SC", serif; font-size: 2.4em; line-height: 0.9; margin-left: -0.5em;
}
section.quote blockquote::after { content: none; }
section.quote blockquote + p { color: ${color.muted}; font-size: 0.85em; margin-top: 1.4em; }
section.closing { justify-content: center; }
section.closing p { font-size: 0.8em; color: ${color.muted}; }`;
}
