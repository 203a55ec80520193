/**
 * The URL as a URL parser writes it (`new URL(value).href`) when it is an
 * http(s) one, else undefined: only web links become links, a `javascript:`
 * or `file:` URL in a talk or its front matter is just text.
 */
export function httpUrlHref(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
