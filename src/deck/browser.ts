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

/** A Chrome/Chromium to export PDF, PPTX and images with, or undefined. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROME_PATH, ...CANDIDATES].filter(
    (path): path is string => path !== undefined && path !== "",
  );
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
