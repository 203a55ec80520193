import { copyFile, mkdir } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { examplePath, tempDir } from "../helpers/paths.js";

/** A temp copy of the example talk: `<dir>/devday/talk.md`, its output under `<dir>/out/devday`. */
export async function exampleCopy(): Promise<{ dir: string; talk: string; out: string }> {
  const dir = await tempDir("talkdeck-preview-");
  await mkdir(join(dir, "devday"));
  const talk = join(dir, "devday", "talk.md");
  await copyFile(examplePath, talk);
  return { dir, talk, out: join(dir, "out") };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request exactly as given: the path is sent unnormalised (`/../`
 * stays), and any Host or Origin header can be set, as an attacker would.
 */
export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${path}: no answer in 10 s`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** Polls `check` until it returns true, or fails after `ms`. */
export async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
