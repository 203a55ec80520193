/**
 * Who may talk to the preview server. It listens on 127.0.0.1 only, but a
 * web page in the same browser can still send it requests, and a DNS
 * rebinding attack can make a foreign name resolve to 127.0.0.1:
 * - every request must carry a `Host` of 127.0.0.1:PORT or localhost:PORT
 *   (a rebound name carries its own name);
 * - a write must also come from the page itself: an `Origin` equal to the
 *   server's own, and the random per-session token that only the page holds
 *   (other sites cannot read the page, and cannot set the header without a
 *   CORS preflight the server never answers).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const TOKEN_HEADER = "x-talkdeck-token";

export function newToken(): string {
  return randomBytes(32).toString("hex");
}

/** The `Host` header, when it names this server by a loopback name and its port. */
export function allowedHost(request: IncomingMessage, port: number): string | undefined {
  const host = request.headers.host?.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : undefined;
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a write is refused, or undefined when it comes from the preview page. */
export function writeRefusal(
  request: IncomingMessage,
  port: number,
  token: string,
): string | undefined {
  const host = allowedHost(request, port);
  if (host === undefined) return "unexpected Host header";
  if (request.headers.origin !== `http://${host}`)
    return "the request does not come from this page";
  if (!sameToken(request.headers[TOKEN_HEADER], token)) return "missing or wrong session token";
  return undefined;
}
