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
section h1, section h2 { color: ${color.accent}; line-height: 1.25; font-weight: 700; }
section h1 { font-size: 1.7em; }
section h2 { font-size: 1.4em; margin-bottom: 0.6em; }
section strong { color: ${color.text}; }
section a { color: ${color.accent}; }
section::after { color: ${color.muted}; font-size: 0.6em; }
section.title { justify-content: center; }
section.title h1 { font-size: 1.55em; margin-bottom: 0.6em; }
section.title p { color: ${color.muted}; font-size: 0.8em; margin: 0.3em 0; }
section.title p strong { font-size: 1.2em; }
section.agenda ol { font-size: 0.85em; }
section.agenda.many ol { font-size: 0.8em; columns: 2; column-gap: 2.5em; }
section.agenda li { break-inside: avoid; }
section.agenda li::marker { color: ${color.accent}; font-weight: 700; }
section.long p { font-size: 0.85em; }
section.quote { background: ${color.surface}; justify-content: center; }
section.quote blockquote {
  border: none; margin: 0; padding: 0;
  color: ${color.text}; font-size: 1.3em; font-weight: 700; line-height: 1.5;
}
section.quote.long blockquote { font-size: 1.05em; }
section.quote blockquote::before {
  content: "\\201C"; color: ${color.accent}; display: block;
  /* The CJK face draws a curly mark in the right half of its cell: pull it back to the margin. */
  font-family: "Noto Sans SC", serif; font-size: 2.4em; line-height: 0.9; margin-left: -0.5em;
}
section.quote blockquote::after { content: none; }
section.quote blockquote + p { color: ${color.muted}; font-size: 0.85em; margin-top: 1.4em; }
section.speakers p { font-size: 0.68em; line-height: 1.5; margin: 0 0 0.9em; }
section.speakers p strong { color: ${color.accent}; font-size: 1.25em; }
section.closing { justify-content: center; }
section.closing h1 { margin-bottom: 0.3em; }
section.closing p { font-size: 0.75em; color: ${color.muted}; margin: 0.4em 0; }
section.closing img { background: #ffffff; padding: 10px; border-radius: 6px; margin-top: 0.4em; }`;
}
