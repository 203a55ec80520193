import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PreviewHandle, startPreview } from "../../src/preview/preview.js";
import { MAX_BODY_BYTES } from "../../src/preview/server.js";
import type { PreviewState } from "../../src/preview/state.js";
import { exampleCopy, rawRequest, waitFor } from "./helpers.js";

/** The preview on a copy of the example, over plain HTTP: what any local client (or attacker) can send. */
describe("the preview server", () => {
  let preview: PreviewHandle;
  let talk: string;
  let outputDir: string;
  let original: string;
  let port: number;
  let origin: string;
  let secret: string;

  const state = async (): Promise<PreviewState> => {
    const response = await rawRequest(port, "/api/state");
    return (JSON.parse(response.body) as { state: PreviewState }).state;
  };

  const pick = (headers: Record<string, string>, body: unknown) =>
    rawRequest(port, "/api/pick", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    const copy = await exampleCopy();
    talk = copy.talk;
    outputDir = join(copy.out, "devday");
    original = await readFile(talk, "utf8");
    await writeFile(join(copy.dir, "secret.txt"), "not for the web\n");
    preview = await startPreview({ file: talk, build: { output: copy.out }, port: 0, delay: 50 });
    port = preview.port;
    origin = `http://127.0.0.1:${port}`;
    await preview.idle();
    expect(preview.status().phase).toBe("ok");
    secret = join(copy.dir, "secret.txt");
  }, 120_000);

  afterAll(async () => {
    await preview?.close();
  });

  it("listens on 127.0.0.1 only", async () => {
    expect(preview.url).toBe(`http://127.0.0.1:${port}/`);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === "IPv4" && !address.internal)?.address;
    if (outside === undefined) return;
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: outside, port, timeout: 3_000 });
      socket.once("connect", () => resolve(true));
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => resolve(false));
    }).finally(() => undefined);
    expect(reached).toBe(false);
  });

  it("serves its page with nosniff, a restrictive CSP and the session token", async () => {
    const page = await rawRequest(port, "/");
    expect(page.status).toBe(200);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(page.body).toContain(`content="${preview.token}"`);
    const deck = await rawRequest(port, "/out/deck.html");
    expect(deck.status).toBe(200);
    expect(deck.headers["x-content-type-options"]).toBe("nosniff");
    expect(deck.headers["content-security-policy"]).toMatch(/connect-src 'none'/);
  });

  it("answers only to its own Host names (DNS rebinding)", async () => {
    expect((await rawRequest(port, "/", { headers: { host: `localhost:${port}` } })).status).toBe(
      200,
    );
    for (const host of [`evil.example:${port}`, "127.0.0.1", `127.0.0.1:${port + 1}`]) {
      const response = await rawRequest(port, "/out/deck.html", { headers: { host } });
      expect(response.status, host).toBe(403);
      expect(response.body).not.toContain(preview.token);
    }
  });

  it("refuses a write without the token, from another Origin or Host (403) and changes nothing", async () => {
    const { settingsHash } = await state();
    const body = { list: "deck", id: "q-d75d", on: true, hash: settingsHash };
    const good = { origin, "x-talkdeck-token": preview.token };
    const attempts: Array<[string, Record<string, string>]> = [
      ["no token", { origin }],
      ["wrong token", { origin, "x-talkdeck-token": "0".repeat(64) }],
      ["foreign Origin", { ...good, origin: "http://evil.example" }],
      ["no Origin", { "x-talkdeck-token": preview.token }],
      [
        "rebound Host",
        { ...good, host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      ],
      ["wrong Host", { ...good, host: "evil.example" }],
    ];
    for (const [what, headers] of attempts) {
      const response = await pick(headers, body);
      expect(response.status, what).toBe(403);
    }
    expect(await readFile(talk, "utf8")).toBe(original);
  });

  it("caps the request body and checks its shape", async () => {
    const good = { origin, "x-talkdeck-token": preview.token };
    const huge = JSON.stringify({
      list: "deck",
      id: "q-d75d",
      on: true,
      pad: "x".repeat(MAX_BODY_BYTES),
    });
    expect((await pick(good, huge)).status).toBe(413);
    expect((await pick(good, { list: "slides", id: "q-d75d", on: true, hash: "0" })).status).toBe(
      400,
    );
    const text = await rawRequest(port, "/api/pick", {
      method: "POST",
      headers: { ...good, "content-type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(415);
    expect((await rawRequest(port, "/api/pick", { method: "PUT" })).status).toBe(405);
    expect(await readFile(talk, "utf8")).toBe(original);
  });

  it("refuses a write made from a file that changed on disk since (409)", async () => {
    const stale = "a".repeat(64);
    const response = await pick(
      { origin, "x-talkdeck-token": preview.token },
      { list: "deck", id: "q-d75d", on: true, hash: stale },
    );
    expect(response.status).toBe(409);
    expect(JSON.parse(response.body).error).toMatch(/changed on disk/);
    expect(await readFile(talk, "utf8")).toBe(original);
  });

  it.each([
    "/out/../devday/talk.md",
    "/out/../../secret.txt",
    "/../secret.txt",
    "/out/%2e%2e/%2e%2e/secret.txt",
    "/out/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/out/cards%2f..%2f..%2f..%2fsecret.txt",
    "/out/..%5c..%5csecret.txt",
    "/out/..\\..\\secret.txt",
    "/out//etc/passwd",
    "/out/%2fetc%2fpasswd",
    "/etc/passwd",
    "/out/.%2e/.%2e/secret.txt",
    "/out/deck.html%00.png",
    "/out/%c0%ae%c0%ae/secret.txt",
    "/out/",
  ])("answers 404 to %s", async (path) => {
    const response = await rawRequest(port, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("not for the web");
    expect(response.body).not.toContain("科学决定");
  });

  it("answers 404 to a symlink in the output folder that points out of it", async () => {
    const link = join(outputDir, "link.txt");
    await symlink(secret, link);
    try {
      const response = await rawRequest(port, "/out/link.txt");
      expect(response.status).toBe(404);
      expect(response.body).not.toContain("not for the web");
    } finally {
      // The build refuses an output folder holding a link out of it: leave it as it was.
      await rm(link);
    }
  });

  it("writes a choice into the front matter, keeping comments and the body, then rebuilds", async () => {
    const before = await state();
    expect(before.candidates.find((quote) => quote.id === "q-d75d")?.onDeck).toBe(false);
    const response = await pick(
      { origin, "x-talkdeck-token": preview.token },
      { list: "deck", id: "q-d75d", on: true, hash: before.settingsHash },
    );
    expect(response.status).toBe(200);
    const text = await readFile(talk, "utf8");
    expect(text).toContain("    - 做科学允许的事情\n    - q-d75d\n  speakerNotes: true\n");
    expect(text).toContain("    - 科学决定            # a unique fragment of the quote's text\n");
    expect(text).toContain("  quotes: auto            # the deck's quotes\n");
    const bodyAt = (file: string) => file.slice(file.indexOf("\n---\n"));
    expect(bodyAt(text)).toBe(bodyAt(original));
    await waitFor(
      async () =>
        (await state()).candidates.find((quote) => quote.id === "q-d75d")?.onCards === true,
      90_000,
      "the rebuild to put q-d75d on the cards",
    );
    const manifest = await rawRequest(port, "/out/manifest.json");
    expect(manifest.body).toContain("cards/q-d75d-square.png");
  }, 120_000);
});
