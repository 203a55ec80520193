/**
 * Control characters (and bidirectional overrides) in text that came from a
 * file, written as `\u001b`: a quote or a front-matter key printed in a
 * message must not clear the screen, set the clipboard (OSC 52) or reorder
 * what the reader sees. Line breaks and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape.
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}
