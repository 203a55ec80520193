import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCode, TalkdeckError } from "../../src/errors.js";
import { writeOutputs } from "../../src/output/write.js";
import { tempDir } from "../helpers/paths.js";

const manifestOf = (files: string[]) => JSON.stringify({ generator: "talkdeck", files });

describe("writeOutputs", () => {
  it("writes nested files and leaves no temporary files behind", async () => {
    const dir = join(await tempDir(), "talk");
    await writeOutputs(
      dir,
      [
        { name: "deck.md", data: "# hi\n" },
        { name: "cards/q-1234-square.png", data: Buffer.from([1, 2, 3]) },
        { name: "manifest.json", data: manifestOf(["deck.md", "cards/q-1234-square.png"]) },
      ],
      [],
    );
    expect((await readdir(dir)).sort()).toEqual(["cards", "deck.md", "manifest.json"]);
    expect(await readdir(join(dir, "cards"))).toEqual(["q-1234-square.png"]);
    expect(await readFile(join(dir, "deck.md"), "utf8")).toBe("# hi\n");
  });

  it("refuses names that leave the folder", async () => {
    const dir = join(await tempDir(), "talk");
    for (const name of ["../escape.md", "/etc/passwd", "cards/../../x"]) {
      const error = await writeOutputs(dir, [{ name, data: "x" }], []).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TalkdeckError);
      expect((error as TalkdeckError).code).toBe(ErrorCode.OutputUnsafe);
    }
  });

  it("never overwrites the source file", async () => {
    const dir = await tempDir();
    const talk = join(dir, "deck.md");
    await writeFile(talk, "the user's talk");
    await writeFile(join(dir, "manifest.json"), manifestOf([]));
    const error = await writeOutputs(dir, [{ name: "deck.md", data: "x" }], [talk]).catch(
      (caught: unknown) => caught,
    );
    expect((error as TalkdeckError).code).toBe(ErrorCode.OutputUnsafe);
    expect(await readFile(talk, "utf8")).toBe("the user's talk");
  });

  it("removes files its previous build made and this one does not, and nothing else", async () => {
    const dir = join(await tempDir(), "talk");
    await mkdir(join(dir, "cards"), { recursive: true });
    await writeFile(join(dir, "cards", "old.png"), "old");
    await writeFile(join(dir, "cards", "mine.png"), "the user's");
    const { createHash } = await import("node:crypto");
    const digest = createHash("sha256").update("old").digest("hex");
    await writeFile(
      join(dir, "manifest.json"),
      JSON.stringify({
        generator: "talkdeck",
        // mine.png is listed but its bytes were never recorded: not provably ours, so it stays.
        files: ["cards/old.png", "cards/mine.png", "deck.md"],
        digests: { "cards/old.png": digest },
      }),
    );
    await writeOutputs(
      dir,
      [
        { name: "deck.md", data: "new" },
        { name: "manifest.json", data: manifestOf(["deck.md"]) },
      ],
      [],
    );
    expect((await readdir(dir)).sort()).toEqual(["cards", "deck.md", "manifest.json"]);
    expect(await readdir(join(dir, "cards"))).toEqual(["mine.png"]);
    expect(await readFile(join(dir, "deck.md"), "utf8")).toBe("new");
  });
});
