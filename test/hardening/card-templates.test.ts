import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isFriendly, runCli, talkWithQuotes, writeTalk } from "./quote-talks.js";

/**
 * Issue 10, items 8 and 16 (a card template's images) and 17 (a template
 * with two root elements): a user's card template may load images only from
 * data: URIs, and its mistakes are named by file and line, without a stack.
 */

const quotes = ["We ship small changes every day because they are easy to review."];

/** A user card template, `cards/quote.html.hbs`, around the given markup for the quote's box. */
function template(inner: string): string {
  return [
    `<div style="display: flex; flex-direction: column; width: {{size.width}}px; min-height: {{size.height}}px; font-family: {{fontFamily}}; background: #123456; color: white;">`,
    `  ${inner}`,
    `  <div style="display: flex; flex-wrap: wrap; font-size: {{fontSize}}px;">{{#each quote.segments}}<span>{{text}} </span>{{/each}}</div>`,
    "</div>",
    "",
  ].join("\n");
}

/** Builds the talk with `cards/quote.html.hbs` from a templates folder. */
async function buildWithTemplate(source: string) {
  const talk = await writeTalk(
    talkWithQuotes(quotes, "deck:\n  quotes: auto\ncards:\n  layout: quote\n  sizes: [square]"),
  );
  const templates = join(talk.dir, "templates");
  await mkdir(join(templates, "cards"), { recursive: true });
  const file = join(templates, "cards", "quote.html.hbs");
  await writeFile(file, source);
  const args = ["build", talk.file, "-o", talk.out, "--jobs", "1", "--templates", templates];
  return { ...(await runCli(args)), template: file };
}

describe("images in a card template", () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  const png = new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="red"/></svg>',
  )
    .render()
    .asPng();

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? "");
      response.writeHead(200, { "content-type": "image/png" }).end(png);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses an <img> from http, naming the template and line, and fetches nothing", async () => {
    const result = await buildWithTemplate(
      template(`<img src="${base}/tracker.png" width="40" height="40">`),
    );
    expect(requests).toEqual([]);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${result.template}:2:`);
    expect(result.err).toContain("data:");
  });

  it("never hands satori a public address to fetch", async () => {
    // satori's own SSRF guard blocks 127.0.0.1 (it failed with a stack trace
    // instead), but fetched any public address and drew nothing when that
    // failed. 192.0.2.1 is TEST-NET-1 (RFC 5737), and fetch is stubbed: nothing
    // leaves this process either way. --jobs 1 draws in this thread.
    const fetched: string[] = [];
    const stub = vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      fetched.push(String(input));
      throw new Error("this test does not fetch");
    });
    try {
      const result = await buildWithTemplate(
        template(`<img src="http://192.0.2.1/pixel.png" width="40" height="40">`),
      );
      expect(fetched).toEqual([]);
      expect(result.code).toBe(2);
      expect(isFriendly(result.err)).toBe(true);
      expect(result.err).toContain(`${result.template}:2:`);
    } finally {
      stub.mockRestore();
    }
  });

  it("refuses a CSS background-image url() from http, and fetches nothing", async () => {
    const result = await buildWithTemplate(
      template(
        `<div style="display: flex; width: 40px; height: 40px; background-image: url('${base}/background.png');"></div>`,
      ),
    );
    expect(requests).toEqual([]);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${result.template}:2:`);
  });

  it("refuses an <img> from file: with one line, no stack trace", async () => {
    const result = await buildWithTemplate(
      template(`<img src="file:///etc/hostname" width="40" height="40">`),
    );
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${result.template}:2:`);
    expect(result.err).toContain("file:///etc/hostname");
  });

  it("still draws images from data: URIs", async () => {
    const dataUri = `data:image/png;base64,${png.toString("base64")}`;
    const result = await buildWithTemplate(
      template(
        `<img src="${dataUri}" width="40" height="40"><div style="display: flex; width: 40px; height: 40px; background-image: url(${dataUri});"></div>`,
      ),
    );
    expect(result.err).not.toContain("error");
    expect(result.code).toBe(0);
  });
});

describe("a card template satori cannot draw", () => {
  it("a broken data: image exits 2 naming the template and the quote, no stack trace", async () => {
    const result = await buildWithTemplate(
      template(`<img src="data:image/png;base64,AAAA" width="10" height="10">`),
    );
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(result.template);
    expect(result.err).toMatch(/quote q-[0-9a-f]{4}/);
  });
});

describe("a card template with two root elements", () => {
  it("exits 2 naming the template file and the second root's line", async () => {
    const source = `${template("")}<div>{{quote.speaker}}</div>\n`;
    const result = await buildWithTemplate(source);
    expect(result.code).toBe(2);
    expect(isFriendly(result.err)).toBe(true);
    expect(result.err).toContain(`${result.template}:5:`);
    expect(result.err).toContain("exactly one root element");
  });
});
