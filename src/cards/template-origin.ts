/** The template a card's HTML came from, for messages: its file and its own text. */
export interface TemplateOrigin {
  file: string;
  source: string;
}

/** 1-based line of a character offset in a template's text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line += 1;
  }
  return line;
}
