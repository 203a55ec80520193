import { accessSync, constants } from "node:fs";
import { release } from "node:os";
import { browserCandidates, type Platform } from "./browser-candidates.js";

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

/** This machine: WSL says so in its kernel release (`…-microsoft-standard-WSL2`) and environment. */
function thisPlatform(env: NodeJS.ProcessEnv): Platform {
  const wsl =
    process.platform === "linux" &&
    (env.WSL_DISTRO_NAME !== undefined || /microsoft/i.test(release()));
  return { os: process.platform, env, wsl };
}

/**
 * A Chrome/Chromium to export PDF, PPTX and images with, or undefined: the
 * one the user named (only if it is there), else `CHROME_PATH`, else the usual places.
 */
export function findBrowser(
  named?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: Platform = thisPlatform(env),
): string | undefined {
  if (named !== undefined) return isExecutable(named) ? named : undefined;
  const candidates = [env.CHROME_PATH, ...browserCandidates(platform)].filter(
    (path): path is string => path !== undefined && path !== "",
  );
  return candidates.find(isExecutable);
}

/**
 * Switches that keep an export's browser off the network: every host name
 * resolves to nothing (no DNS, no DNS-over-HTTPS probe, no Google update or
 * sync host; `file:` and `data:` need no name), and the background services
 * that would look one up are off. Puppeteer passes some of these already;
 * repeating them here keeps them whatever puppeteer's defaults become.
 */
export const OFFLINE_SWITCHES = [
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-domain-reliability",
  "--disable-sync",
  "--disable-default-apps",
  "--no-first-run",
  "--no-pings",
] as const;

/** `'…'` for /bin/sh: nothing inside single quotes is special but the quote itself. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A /bin/sh script that marp-cli starts as its browser: it notes its pid (the
 * browser's process group, since puppeteer starts the browser in a group of
 * its own) so talkdeck can stop the whole browser, then becomes the real
 * browser with the offline switches after puppeteer's (Chromium keeps the last
 * of a repeated switch).
 */
export function launcherScript(browser: string, pidFile: string): string {
  return [
    "#!/bin/sh",
    `echo $$ > ${shellQuote(pidFile)}`,
    `exec ${shellQuote(browser)} "$@" ${OFFLINE_SWITCHES.map(shellQuote).join(" ")}`,
    "",
  ].join("\n");
}
