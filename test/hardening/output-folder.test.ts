import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import {
  mkdir,
  readdir,
  readFile,
  stat,
  symlink,
  truncate,
  utimes,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/output/manifest.js";
import { run } from "../../src/run.js";
import { fixture } from "../helpers/fixtures.js";
import { SMALL_TALK, smallTalk } from "../helpers/hardening.js";
import { captureIo } from "../helpers/io.js";
import { examplePath, repoRoot, tempDir } from "../helpers/paths.js";

const execFileAsync = promisify(execFile);
const cli = join(repoRoot, "dist", "cli.js");

async function build(...args: string[]) {
  const io = captureIo();
  const code = await run(["build", ...args, "--jobs", "1", "-q"], io);
  return { code, err: io.err() };
}

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
}

/** Every file the manifest lists is there with the bytes it records: the folder is one build, not a mix. */
async function expectConsistent(dir: string): Promise<Manifest> {
  const manifest = await manifestOf(dir);
  const { createHash } = await import("node:crypto");
  for (const [name, digest] of Object.entries(manifest.digests)) {
    const bytes = await readFile(join(dir, name));
    expect(createHash("sha256").update(bytes).digest("hex"), name).toBe(digest);
  }
  for (const name of manifest.files) expect(existsSync(join(dir, name)), name).toBe(true);
  return manifest;
}

async function leftovers(out: string): Promise<string[]> {
  return (await readdir(out)).filter((name) => name.startsWith("."));
}

function noStack(err: string): void {
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toContain("internal error");
}

describe("the output folder and links (issue 10, item 2)", () => {
  it("refuses a cards folder that is a link elsewhere, and writes and deletes nothing there", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await build(talk, "-o", out)).code).toBe(0);
    const elsewhere = await tempDir("talkdeck-elsewhere-");
    await writeFile(join(elsewhere, "precious.txt"), "keep me");
    const { rm } = await import("node:fs/promises");
    await rm(join(dir, "cards"), { recursive: true });
    await symlink(elsewhere, join(dir, "cards"));
    // A manifest that claims the precious file as a stale output of ours.
    const manifest = await manifestOf(dir);
    manifest.files.push("cards/precious.txt");
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));

    const result = await build(talk, "-o", out, "-f");
    expect(result.code).toBe(2);
    expect(result.err).toContain("symbolic link");
    noStack(result.err);
    expect(await readdir(elsewhere)).toEqual(["precious.txt"]);
    expect(await readFile(join(elsewhere, "precious.txt"), "utf8")).toBe("keep me");
  });

  it("keeps a file the manifest lists but whose bytes it did not record (the user's)", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await build(talk, "-o", out)).code).toBe(0);
    await writeFile(join(dir, "cards", "precious.txt"), "keep me");
    await writeFile(join(dir, "notes.md"), "my notes");
    const manifest = await manifestOf(dir);
    manifest.files.push("cards/precious.txt");
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));

    expect((await build(talk, "-o", out, "-f")).code).toBe(0);
    expect(await readFile(join(dir, "cards", "precious.txt"), "utf8")).toBe("keep me");
    expect(await readFile(join(dir, "notes.md"), "utf8")).toBe("my notes");
  });

  it("refuses an output folder that is itself a link", async () => {
    const { talk, out, dir } = await smallTalk();
    const elsewhere = await tempDir("talkdeck-elsewhere-");
    await mkdir(out, { recursive: true });
    await symlink(elsewhere, dir);
    const result = await build(talk, "-o", out);
    expect(result.code).toBe(2);
    noStack(result.err);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it("says -o is a file in one line (item 16)", async () => {
    const { talk } = await smallTalk();
    const file = join(await tempDir(), "a-file");
    await writeFile(file, "x");
    const result = await build(talk, "-o", file);
    expect(result.code).toBe(2);
    expect(result.err).toContain("is a file, not a folder");
    noStack(result.err);
    expect(await readFile(file, "utf8")).toBe("x");
  });
});

describe("`output:` through a link (item 7)", () => {
  it("refuses an `output:` folder that is a link out of the talk's folder", async () => {
    const { talk } = await smallTalk();
    const elsewhere = await tempDir("talkdeck-elsewhere-");
    await symlink(elsewhere, join(talk, "..", "built"));
    await writeFile(talk, SMALL_TALK.replace("cards:", "output: built/deep\ncards:"));
    const result = await build(talk);
    expect(result.code).toBe(2);
    expect(result.err).toContain("`output`");
    expect(await readdir(elsewhere)).toEqual([]);
  });
});

describe("a lock waited on (item 14)", () => {
  it("SIGTERM while waiting for another build's lock leaves nothing behind", async () => {
    const { talk, out } = await smallTalk();
    await mkdir(out, { recursive: true });
    const { hostname } = await import("node:os");
    // Held by this test's own (live) process: the build waits.
    await writeFile(
      join(out, ".small.talkdeck-lock"),
      JSON.stringify({ pid: process.pid, host: hostname() }),
    );
    const child = spawn(process.execPath, [cli, "build", talk, "-o", out, "--jobs", "1"], {
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", (exit) => resolve(exit)));
    const started = Date.now();
    while (
      !(await readdir(out)).some((name) => name.startsWith(".small.talkdeck-lock.")) &&
      Date.now() - started < 30_000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect(await readdir(out)).toEqual([".small.talkdeck-lock"]);
  }, 60_000);
});

describe("a folder that cannot be made (item 15)", () => {
  it("-o under /proc fails at once with one line, instead of looping in mkdir", async () => {
    const { talk } = await smallTalk();
    const result = await build(talk, "-o", "/proc/talkdeck-test/out");
    expect(result.code).toBe(1);
    expect(result.err).toContain("/proc/talkdeck-test");
    noStack(result.err);
  });
});

describe("every command reads a spec file the same way (issue 14, item 2)", () => {
  it("`quotes spec.md` lists the quotes of the talk its `source:` names", async () => {
    const { talk } = await smallTalk();
    const spec = join(talk, "..", "small.talkdeck.md");
    await writeFile(spec, "---\nsource: ./small.md\n---\n");
    const io = captureIo();
    expect(await run(["quotes", spec], io)).toBe(0);
    expect(io.out()).toContain("The best slide is the one you never had to explain twice.");
  });
});

describe("damaged outputs are repaired (item 6)", () => {
  it("draws again an emptied card and rewrites a truncated deck.html", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await build(talk, "-o", out)).code).toBe(0);
    const manifest = await manifestOf(dir);
    const card = manifest.cards[0]?.file ?? "";
    const cardBytes = await readFile(join(dir, card));
    const deckBytes = await readFile(join(dir, "deck.html"));
    await truncate(join(dir, card), 0);
    await truncate(join(dir, "deck.html"), 100);
    expect((await build(talk, "-o", out)).code).toBe(0);
    expect((await readFile(join(dir, card))).equals(cardBytes)).toBe(true);
    expect((await readFile(join(dir, "deck.html"))).equals(deckBytes)).toBe(true);
  });

  it("with -f, repairs a card damaged in place (same size, same mtime)", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await build(talk, "-o", out)).code).toBe(0);
    const card = (await manifestOf(dir)).cards[0]?.file ?? "";
    const path = join(dir, card);
    const good = await readFile(path);
    const { mtime, atime } = await stat(path);
    const bad = Buffer.from(good);
    bad.fill(0, 100, 200);
    await writeFile(path, bad);
    await utimes(path, atime, mtime);
    expect((await build(talk, "-o", out, "-f")).code).toBe(0);
    expect((await readFile(path)).equals(good)).toBe(true);
    await expectConsistent(dir);
  });
});

describe("concurrent builds (item 20)", () => {
  it("two builds into one folder at once both succeed and leave one whole build", async () => {
    const { talk, out, dir } = await smallTalk();
    const [first, second] = await Promise.all([
      build(talk, "-o", out, "-f"),
      build(talk, "-o", out, "-f"),
    ]);
    expect(first.err).toBe("");
    expect(second.err).toBe("");
    expect([first.code, second.code]).toEqual([0, 0]);
    await expectConsistent(dir);
    expect(await leftovers(out)).toEqual([]);
  });
});

/** Runs the compiled CLI (the real process: signals, injected faults). */
function cliRun(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  return execFileAsync(process.execPath, [cli, ...args], {
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  }).then(
    (done) => ({ code: 0, ...done }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** strace injects the faults; CI installs it (.ci/run), so there the test runs or fails, never skips. */
const hasStrace = existsSync("/usr/bin/strace") || process.env.CI === "true";

/** Mounting a tmpfs needs root, which CI has. */
const canMount = process.getuid?.() === 0 || process.env.CI === "true";

describe("a failed write leaves the previous output (item 3)", () => {
  it.skipIf(!hasStrace)(
    "a rename that fails with ENOSPC at each step of the swap leaves the previous build whole",
    async () => {
      const { talk, out, dir } = await smallTalk();
      expect((await build(talk, "-o", out)).code).toBe(0);
      const before = await expectConsistent(dir);
      await writeFile(talk, SMALL_TALK.replace("A small talk", "A changed talk"));
      // The build's renames: old folder out, new folder in (and back, when that fails).
      for (const when of [1, 2]) {
        const result = await execFileAsync(
          "strace",
          [
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            "trace=rename,renameat,renameat2",
            "-e",
            `inject=rename,renameat,renameat2:error=ENOSPC:when=${when}`,
            process.execPath,
            cli,
            "build",
            talk,
            "-o",
            out,
            "--jobs",
            "1",
          ],
          // One libuv thread: strace counts calls per thread, and the renames must be counted in order.
          { timeout: 60_000, env: { ...process.env, UV_THREADPOOL_SIZE: "1" } },
        ).then(
          () => ({ code: 0, stderr: "" }),
          (error: { code: number; stderr: string }) => error,
        );
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toContain("disk is full");
        noStack(result.stderr);
        const now = await expectConsistent(dir);
        expect(now.talk.title).toBe(before.talk.title);
        expect(await leftovers(out)).toEqual([]);
      }
      // A later build repairs: it is the changed talk now.
      expect((await build(talk, "-o", out)).code).toBe(0);
      expect((await expectConsistent(dir)).talk.title).toBe("A changed talk");
    },
    240_000,
  );

  it.skipIf(!canMount)(
    "a disk that fills up mid-build (2 MB tmpfs) leaves the previous build",
    async () => {
      const { talk } = await smallTalk();
      const out = await tempDir("talkdeck-tmpfs-");
      await execFileAsync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", out]);
      try {
        const dir = join(out, "small");
        expect((await build(talk, "-o", out)).code).toBe(0);
        const before = await expectConsistent(dir);
        // The new folder sits beside the old one: a changed deck does not fit twice in 2 MB.
        await writeFile(talk, SMALL_TALK.replace("A small talk", "A changed talk"));
        const failed = await build(talk, "-o", out);
        expect(failed.code).toBe(1);
        expect(failed.err).toContain("disk is full");
        noStack(failed.err);
        expect((await expectConsistent(dir)).talk.title).toBe(before.talk.title);
        expect(await leftovers(out)).toEqual([]);
        // With room again, the next build repairs.
        await execFileAsync("mount", ["-o", "remount,size=16m", out]);
        expect((await build(talk, "-o", out)).code).toBe(0);
        expect((await expectConsistent(dir)).talk.title).toBe("A changed talk");
      } finally {
        await execFileAsync("umount", [out]);
      }
    },
  );

  it("a build killed at any moment leaves the previous build or the new one, and the next run repairs", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await cliRun(["build", talk, "-o", out, "--jobs", "1"])).code).toBe(0);
    for (const delay of [300, 700, 1100, 1500, 2000]) {
      await writeFile(talk, SMALL_TALK.replace("A small talk", `Talk ${delay}`));
      const child = spawn(process.execPath, [cli, "build", talk, "-o", out, "--jobs", "1"], {
        stdio: "ignore",
      });
      // Listened for at once: a build that finishes before the kill has exited already.
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      // Whatever moment the kill came, the folder (once recovered) is one build.
      const result = await cliRun(["build", talk, "-o", out, "--jobs", "1"]);
      expect(result.code, result.stderr).toBe(0);
      expect((await expectConsistent(dir)).talk.title).toBe(`Talk ${delay}`);
      expect(await leftovers(out)).toEqual([]);
    }
  }, 240_000);

  it("SIGTERM and SIGINT remove the half-built folder", async () => {
    // The example draws ten cards: time enough to catch the build with its new folder half full.
    const root = await tempDir("talkdeck-hard-");
    const talk = join(root, "talk.md");
    await writeFile(talk, fixture(examplePath));
    const out = join(root, "out");
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const child = spawn(process.execPath, [cli, "build", talk, "-o", out, "-f", "--jobs", "1"], {
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", (exit) => resolve(exit)));
      // Signal once the new folder exists (cards are being drawn into it).
      const started = Date.now();
      while (
        !(existsSync(out) && (await readdir(out)).some((name) => name.includes("-new-"))) &&
        Date.now() - started < 60_000
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill(signal);
      expect(await exited).toBe(signal === "SIGTERM" ? 143 : 130);
      expect(await leftovers(out)).toEqual([]);
    }
  }, 240_000);
});
