/**
 * The preview's HTTP server, on 127.0.0.1 only. It serves its own page and
 * API and the talk's output folder under /out/, nothing else:
 *   GET  /                    the page (with the session token)
 *   GET  /assets/preview.js   its script; /assets/preview.css its style
 *   GET  /api/state           the quote candidates and the settings file's hash
 *   GET  /api/events          the build status, as Server-Sent Events
 *   POST /api/pick            choose a quote (token, Origin and Host checked)
 *   GET  /out/<path>          a file of the output folder
 */
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { allowedHost, newToken, writeRefusal } from "./guard.js";
import { PAGE_CSP, previewPage } from "./page.js";
import { PAGE_FONT_URL, pageFont } from "./page-font.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_CSS } from "./page-style.js";
import { PickRefused } from "./pick.js";
import type { PreviewState } from "./state.js";
import { contentType, openOutput } from "./static-files.js";
import type { ToggleRequest } from "./toggle.js";

/** What the page shows about the builds; each version goes up when its part of the output changed. */
export interface PreviewStatus {
  phase: "building" | "ok" | "error";
  /** The last build's error, formatted as the terminal shows it (file:line: key: message, hint). */
  error?: string;
  summary?: string;
  versions: { deck: number; cards: number; state: number };
}

/** What the server serves; the preview session keeps it up to date. */
export interface PreviewBackend {
  title(): string;
  outputDir(): string | undefined;
  status(): PreviewStatus;
  state(): PreviewState | undefined;
  pick(request: ToggleRequest, seenHash: string): Promise<{ hash: string; changed: boolean }>;
}

/** A choice is a few dozen bytes: anything much larger is not the page's. */
export const MAX_BODY_BYTES = 4 * 1024;

/** A deck may be framed by the page; it runs its own inline scripts and fetches nothing. */
const OUTPUT_CSP = [
  "default-src 'self' data:",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

const COMMON_HEADERS: OutgoingHttpHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
};

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendBytes(response, Buffer.from(body), "text/plain; charset=utf-8", headers, status);
}

function sendBytes(
  response: ServerResponse,
  data: Buffer,
  type: string,
  headers: OutgoingHttpHeaders = {},
  status = 200,
): void {
  response.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    ...COMMON_HEADERS,
    ...headers,
    "content-length": data.length,
  });
  response.end(response.req.method === "HEAD" ? undefined : data);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), {
    "content-type": "application/json; charset=utf-8",
  });
}

/** The request body, refused past MAX_BODY_BYTES (checked as it arrives, not after). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** The body of a pick, checked field by field: anything else is a 400. */
function parsePick(text: string): { request: ToggleRequest; hash: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { list, id, on, hash } = (value ?? {}) as Record<string, unknown>;
  if (list !== "deck" && list !== "cards") return undefined;
  if (typeof id !== "string" || !/^q-[0-9a-f-]{4,80}$/.test(id)) return undefined;
  if (typeof on !== "boolean" || typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) {
    return undefined;
  }
  return { request: { list, id, on }, hash };
}

export class PreviewServer {
  readonly token = newToken();
  readonly #server: Server;
  readonly #events = new Set<ServerResponse>();
  #heartbeat: NodeJS.Timeout | undefined;
  #port = 0;

  private constructor(private readonly backend: PreviewBackend) {
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent)
          send(response, 500, `internal error: ${(error as Error).message}`);
        else response.destroy();
      });
    });
  }

  /** Starts listening on 127.0.0.1 (port 0: a free one). */
  static async listen(backend: PreviewBackend, port: number): Promise<PreviewServer> {
    const server = new PreviewServer(backend);
    await new Promise<void>((resolve, reject) => {
      server.#server.once("error", reject);
      server.#server.listen(port, "127.0.0.1", () => resolve());
    });
    server.#port = (server.#server.address() as AddressInfo).port;
    // Proxies and browsers drop an idle stream; a comment line now and then keeps it open.
    server.#heartbeat = setInterval(() => {
      for (const stream of server.#events) stream.write(": ping\n\n");
    }, 20_000);
    server.#heartbeat.unref();
    return server;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/`;
  }

  /** Tells every open page the current status. */
  broadcast(): void {
    const message = `data: ${JSON.stringify(this.backend.status())}\n\n`;
    for (const stream of this.#events) stream.write(message);
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const stream of this.#events) stream.end();
    this.#events.clear();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Every request, reads included: a rebound DNS name must not read the talk either.
    if (allowedHost(request, this.#port) === undefined) {
      send(response, 403, "forbidden: this server answers to 127.0.0.1 and localhost only\n");
      return;
    }
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (request.method === "POST") {
      if (path === "/api/pick") await this.#pick(request, response);
      else send(response, 405, "method not allowed\n", { allow: "GET, HEAD" });
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      send(response, 405, "method not allowed\n", { allow: "GET, HEAD, POST" });
      return;
    }
    switch (path) {
      case "/":
        send(response, 200, previewPage(this.token, this.backend.title()), {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": PAGE_CSP,
          "x-frame-options": "DENY",
        });
        return;
      case "/assets/preview.js":
        send(response, 200, PAGE_SCRIPT, { "content-type": "text/javascript; charset=utf-8" });
        return;
      case "/assets/preview.css":
        send(response, 200, PAGE_CSS, { "content-type": "text/css; charset=utf-8" });
        return;
      case PAGE_FONT_URL: {
        const font = await pageFont();
        if (font === undefined) send(response, 404, "not found\n");
        else sendBytes(response, font, "font/woff2", { "cache-control": "max-age=86400" });
        return;
      }
      case "/favicon.ico":
        send(response, 204, "");
        return;
      case "/api/state":
        sendJson(response, 200, { status: this.backend.status(), state: this.backend.state() });
        return;
      case "/api/events":
        this.#openEvents(response);
        return;
    }
    if (path.startsWith("/out/")) {
      await this.#serveOutput(request, response, path.slice("/out/".length));
      return;
    }
    send(response, 404, "not found\n");
  }

  #openEvents(response: ServerResponse): void {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      ...COMMON_HEADERS,
    });
    response.write(`retry: 1000\ndata: ${JSON.stringify(this.backend.status())}\n\n`);
    this.#events.add(response);
    response.on("close", () => this.#events.delete(response));
  }

  async #serveOutput(
    request: IncomingMessage,
    response: ServerResponse,
    encoded: string,
  ): Promise<void> {
    const root = this.backend.outputDir();
    const opened = root === undefined ? undefined : await openOutput(root, encoded);
    if (opened === undefined) {
      send(response, 404, "not found\n");
      return;
    }
    const { path, handle, info } = opened;
    // Unchanged outputs keep their bytes and mtime across builds: the browser revalidates cheaply.
    const etag = `"${info.size.toString(16)}-${Math.round(info.mtimeMs).toString(16)}"`;
    const headers: OutgoingHttpHeaders = {
      ...COMMON_HEADERS,
      "cache-control": "no-cache",
      etag,
      "content-security-policy": OUTPUT_CSP,
      "x-frame-options": "SAMEORIGIN",
    };
    if (request.headers["if-none-match"] === etag || request.method === "HEAD") {
      await handle.close();
      if (request.headers["if-none-match"] === etag) response.writeHead(304, headers);
      else
        response.writeHead(200, {
          ...headers,
          "content-type": contentType(path),
          "content-length": info.size,
        });
      response.end();
      return;
    }
    response.writeHead(200, {
      ...headers,
      "content-type": contentType(path),
      "content-length": info.size,
    });
    handle
      .createReadStream()
      .on("error", () => response.destroy())
      .pipe(response);
  }

  async #pick(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = writeRefusal(request, this.#port, this.token);
    if (refusal !== undefined) {
      sendJson(response, 403, { error: `forbidden: ${refusal}` });
      return;
    }
    if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
      sendJson(response, 415, { error: "send JSON" });
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      // The rest is read and dropped, and the connection closed: the client sees the answer, not a reset.
      request.resume();
      send(response, 413, JSON.stringify({ error: `larger than ${MAX_BODY_BYTES} bytes` }), {
        "content-type": "application/json; charset=utf-8",
        connection: "close",
      });
      return;
    }
    const pick = parsePick(body);
    if (pick === undefined) {
      sendJson(response, 400, { error: "expected { list: deck|cards, id, on, hash }" });
      return;
    }
    try {
      sendJson(response, 200, await this.backend.pick(pick.request, pick.hash));
    } catch (error) {
      if (!(error instanceof PickRefused)) throw error;
      sendJson(response, error.status, { error: error.message });
    }
  }
}
