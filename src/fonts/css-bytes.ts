import { recentByKey } from "../once.js";
import { contentHash } from "../output/reuse.js";

const encoded = new Map<string, Buffer>();

/**
 * Font CSS (megabytes of base64) as UTF-8 bytes, kept for the last few: the
 * deck and the gallery each embed theirs again on every rebuild of a watch
 * session, mostly unchanged.
 */
export function cssBytes(css: string): Buffer {
  return recentByKey(encoded, css, 4, () => Buffer.from(css));
}

const digests = new Map<string, string>();

/** Font CSS's content hash, kept for the last few: the deck's export cache keys on it every build. */
export function cssDigest(css: string): string {
  return recentByKey(digests, css, 4, () => contentHash(css));
}
