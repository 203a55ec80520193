import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ErrorCode, type TalkdeckError } from "../../src/errors.js";
import { acquireLock } from "../../src/output/lock.js";
import { run } from "../../src/run.js";
import { SMALL_TALK, smallTalk } from "../helpers/hardening.js";
import { captureIo } from "../helpers/io.js";
import { tempDir } from "../helpers/paths.js";

const execFileAsync = promisify(execFile);

async function build(talk: string, out: string, ...args: string[]) {
  const io = captureIo();
  const code = await run(["build", talk, "-o", out, "--jobs", "1", "-q", ...args], io);
  return { code, err: io.err() };
}

describe("the output folder's lock (issue 10, item 20; review findings)", () => {
  it("lets one holder in at a time, however many wait", async () => {
    const lock = join(await tempDir(), ".talk.talkdeck-lock");
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let round = 0; round < 5; round += 1) {
          const release = await acquireLock(lock);
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside -= 1;
          await release();
        }
      }),
    );
    expect(most).toBe(1);
  });

  it("does not take a fresh lock it cannot read for a crash's, but does take an old one", async () => {
    const lock = join(await tempDir(), ".talk.talkdeck-lock");
    await writeFile(lock, "");
    const waited = await acquireLock(lock, 300).catch((error: unknown) => error);
    expect((waited as TalkdeckError).code).toBe(ErrorCode.OutputBusy);
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    const release = await acquireLock(lock, 300);
    await release();
    expect(await readdir(join(lock, ".."))).toEqual([]);
  });

  it("removes the drafts a killed build left, and only those", async () => {
    const dir = await tempDir();
    const lock = join(dir, ".talk.talkdeck-lock");
    const { hostname } = await import("node:os");
    // SIGKILL between writing the draft and linking it: nothing of that build could remove it.
    const dead = `${lock}.${2 ** 22 + 4321}-0badc0de`;
    await writeFile(dead, JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname() }));
    // A live build's draft, one from another machine sharing the folder, and a file of the user's.
    const live = `${lock}.${process.pid}-00c0ffee`;
    await writeFile(live, JSON.stringify({ pid: process.pid, host: hostname() }));
    const remote = `${lock}.${2 ** 22 + 4321}-feedf00d`;
    await writeFile(remote, JSON.stringify({ pid: 2 ** 22 + 4321, host: "elsewhere" }));
    await writeFile(join(dir, ".talk.talkdeck-lock.notes"), "mine");
    const release = await acquireLock(lock, 300);
    await release();
    expect((await readdir(dir)).sort()).toEqual(
      [".talk.talkdeck-lock.notes", live, remote].map((path) => path.split("/").pop()).sort(),
    );
  });

  it("takes the lock of a process that is gone", async () => {
    const lock = join(await tempDir(), ".talk.talkdeck-lock");
    const { hostname } = await import("node:os");
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    const release = await acquireLock(lock, 300);
    await release();
  });

  it("refuses a lock that is a link or a folder, with a message", async () => {
    const dir = await tempDir();
    const fifoTarget = join(dir, "target");
    await writeFile(fifoTarget, "");
    await symlink(fifoTarget, join(dir, ".a.talkdeck-lock"));
    await mkdir(join(dir, ".b.talkdeck-lock"));
    for (const name of [".a.talkdeck-lock", ".b.talkdeck-lock"]) {
      const error = await acquireLock(join(dir, name), 300).catch((caught: unknown) => caught);
      expect((error as TalkdeckError).code, name).toBe(ErrorCode.OutputUnsafe);
    }
  });
});

describe("what the swap keeps (review findings)", () => {
  it("keeps the folder's mode and the user's empty folders", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await build(talk, out)).code).toBe(0);
    const { chmod } = await import("node:fs/promises");
    await chmod(dir, 0o700);
    await mkdir(join(dir, "drafts", "empty"), { recursive: true });
    expect((await build(talk, out, "-f")).code).toBe(0);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, "drafts", "empty"))).isDirectory()).toBe(true);
  });

  it("puts the old folder back after a kill between the renames, whatever machine it was on", async () => {
    const { talk, out, dir } = await smallTalk();
    expect((await build(talk, out)).code).toBe(0);
    await writeFile(join(dir, "notes.txt"), "mine");
    // As a build in another container (another host name) leaves it when killed mid-swap.
    const { rename } = await import("node:fs/promises");
    await rename(dir, join(out, ".small.talkdeck-old-0badc0de-1-abcd1234"));
    expect((await build(talk, out)).code).toBe(0);
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect((await readdir(out)).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("builds a talk whose name is long", async () => {
    const root = await tempDir();
    const talk = join(root, `${"a-very-long-talk-name-".repeat(10)}.md`);
    await writeFile(talk, SMALL_TALK);
    const result = await build(talk, join(root, "out"));
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0 && process.env.CI !== "true")(
    "refuses an output folder that is a mount point, before rendering",
    async () => {
      const { talk, out, dir } = await smallTalk();
      await mkdir(dir, { recursive: true });
      await execFileAsync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", dir]);
      try {
        const result = await build(talk, out);
        expect(result.code).toBe(2);
        expect(result.err).toContain("mount point");
      } finally {
        await execFileAsync("umount", [dir]);
      }
    },
  );
});
