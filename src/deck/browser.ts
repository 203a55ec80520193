import { accessSync, constants } from "node:fs";

/** Where Debian, Ubuntu and Chrome's own packages put the browser; `CHROME_PATH` first. */
const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export const INSTALL_HINT =
  "install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome or Chromium";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Chrome/Chromium to export PDF, PPTX and images with, or undefined: the
 * one the user named (only if it is there), else `CHROME_PATH`, else the usual places.
 */
export function findBrowser(
  named?: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (named !== undefined) return isExecutable(named) ? named : undefined;
  const candidates = [env.CHROME_PATH, ...CANDIDATES].filter(
    (path): path is string => path !== undefined && path !== "",
  );
  return candidates.find(isExecutable);
}
