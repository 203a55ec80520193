import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/run.js";
import { captureIo } from "../helpers/io.js";
import { repoRoot } from "../helpers/paths.js";
import { exampleCopy, rawRequest, waitFor } from "./helpers.js";

describe("talkdeck build --watch", () => {
  it("builds, rebuilds on a save, reports an error, and stops when told", async () => {
    const { talk, out } = await exampleCopy();
    const io = captureIo();
    const stop = new AbortController();
    const { runBuild } = await import("../../src/commands/build.js");
    const running = runBuild([talk], { output: out, watch: true }, io, stop.signal);
    try {
      await waitFor(() => io.err().includes("watching for changes"), 90_000, "the first build");
      expect(io.err()).toMatch(/talkdeck: (wrote|.* is up to date)/);
      const text = await readFile(talk, "utf8");
      await writeFile(talk, text.replace("theme: midnight", "theme: [midnight"));
      await waitFor(() => io.err().includes("not valid YAML"), 60_000, "the error");
      await writeFile(talk, text.replace("而你不能选择科学允许什么", "而你不能挑选科学允许什么"));
      await waitFor(
        () => (io.err().match(/talkdeck: wrote /g) ?? []).length >= 2,
        90_000,
        "the rebuild",
      );
      expect(io.err()).toMatch(/, \d+ unchanged\)/);
      const deck = await readFile(join(out, "devday", "deck.md"), "utf8");
      expect(deck).toContain("挑选");
    } finally {
      stop.abort();
    }
    expect(await running).toBe(0);
  }, 240_000);

  it("is listed in the help, with preview and its alias", async () => {
    const io = captureIo();
    expect(await run(["build", "--help"], io)).toBe(0);
    expect(io.out()).toContain("--watch");
    const help = captureIo();
    expect(await run(["--help"], help)).toBe(0);
    expect(help.out()).toMatch(/preview\|dev/);
  });
});

describe("talkdeck preview (the built CLI)", () => {
  it("prints its URL, serves the page, and exits 0 on SIGTERM", async () => {
    const { talk, out } = await exampleCopy();
    const child = spawn(
      process.execPath,
      [join(repoRoot, "dist", "cli.js"), "preview", talk, "-o", out, "--port", "0"],
      { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000, killSignal: "SIGKILL" },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await waitFor(() => /http:\/\/127\.0\.0\.1:\d+\//.test(stdout), 30_000, "the URL");
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
      const page = await rawRequest(port, "/");
      expect(page.status).toBe(200);
      expect(page.body).toContain("talkdeck preview");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it("refuses a port that is not a number", async () => {
    const io = captureIo();
    expect(await run(["preview", "talk.md", "--port", "http"], io)).toBe(2);
    expect(io.err()).toContain("--port");
  });
});
