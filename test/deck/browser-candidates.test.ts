import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/deck/browser.js";
import { browserCandidates } from "../../src/deck/browser-candidates.js";

/** Issue 13, item 6: PDF and PPTX find Chrome, Chromium or Edge on every platform without CHROME_PATH. */
describe("where the browser is looked for", () => {
  it("on a Mac: the applications folders, the user's too", () => {
    const list = browserCandidates({ os: "darwin", env: { HOME: "/Users/ada" }, wsl: false });
    expect(list[0]).toBe("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(list).toContain("/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium");
    expect(list).toContain("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
  });

  it("on Windows: Program Files, Program Files (x86) and the user's AppData, Chrome before Edge", () => {
    const list = browserCandidates({
      os: "win32",
      env: {
        PROGRAMFILES: "C:\\Program Files",
        "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
        LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local",
      },
      wsl: false,
    });
    expect(list[0]).toBe("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(list).toContain(
      "C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(list).toContain("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");
  });

  it("on Linux: the distributions' paths first; under WSL, then Windows' browsers on /mnt/c", () => {
    const linux = browserCandidates({ os: "linux", env: {}, wsl: false });
    expect(linux[0]).toBe("/usr/bin/chromium");
    expect(linux.some((path) => path.startsWith("/mnt/c"))).toBe(false);
    const wsl = browserCandidates({ os: "linux", env: {}, wsl: true });
    expect(wsl.slice(0, linux.length)).toEqual(linux);
    expect(wsl).toContain("/mnt/c/Program Files/Google/Chrome/Application/chrome.exe");
    expect(wsl).toContain("/mnt/c/Program Files (x86)/Microsoft/Edge/Application/msedge.exe");
  });
});

describe("findBrowser", () => {
  it("takes CHROME_PATH first, then the platform's places, and only a file that is there", () => {
    const home = mkdtempSync(join(tmpdir(), "talkdeck-home-"));
    const app = join(home, "Applications", "Chromium.app", "Contents", "MacOS");
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, "Chromium"), "#!/bin/sh\n");
    chmodSync(join(app, "Chromium"), 0o755);
    const mac = { os: "darwin" as const, env: { HOME: home }, wsl: false };
    expect(findBrowser(undefined, { HOME: home }, mac)).toBe(join(app, "Chromium"));
    expect(findBrowser(undefined, { CHROME_PATH: "/no/such/chrome", HOME: home }, mac)).toBe(
      join(app, "Chromium"),
    );
    expect(findBrowser(undefined, {}, { os: "darwin", env: {}, wsl: false })).toBeUndefined();
  });
});
