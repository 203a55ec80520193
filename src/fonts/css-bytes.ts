import { recentByKey } from "../once.js";

const encoded = new Map<string, Buffer>();

/**
 * Font CSS (megabytes of base64) as UTF-8 bytes, kept for the last few: the
 * deck and the gallery each embed theirs again on every rebuild of a watch
 * session, mostly unchanged.
 */
export function cssBytes(css: string): Buffer {
  return recentByKey(encoded, css, 4, () => Buffer.from(css));
}
