import { execFileSync } from "node:child_process";
import { findBrowser } from "../../src/deck/browser.js";

/** The browser for the browser tests, and why they are skipped when there is none. */
export const browserPath = findBrowser();

function hasCommand(name: string): boolean {
  try {
    execFileSync(name, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const hasPoppler = hasCommand("pdftotext") && hasCommand("pdfinfo");

/**
 * On a developer's machine without Chromium the browser tests are skipped
 * (the name says why); under CI=true they run, and fail, so CI never passes
 * by skipping them.
 */
export const skipBrowserTests = browserPath === undefined && process.env.CI !== "true";
export const skipReason = skipBrowserTests
  ? " (skipped: no Chrome/Chromium; `apt-get install chromium` or set CHROME_PATH)"
  : "";
