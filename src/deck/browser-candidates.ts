/**
 * Where Chrome, Chromium and Edge live on each platform, in the order they
 * are tried: the same places marp-cli's browser finders look (its finders are
 * not part of its public API, so the list is kept here). Pure: the platform,
 * environment and WSL flag are given, so every platform's list is testable
 * on any machine.
 */
import { posix, win32 } from "node:path";

export interface Platform {
  os: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Linux under Windows' WSL, where the Windows browsers are reachable under /mnt/c. */
  wsl: boolean;
}

const LINUX = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
  "/opt/google/chrome/chrome",
];

const MAC_APPS = [
  "Google Chrome.app/Contents/MacOS/Google Chrome",
  "Chromium.app/Contents/MacOS/Chromium",
  "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  "Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
];

const WINDOWS_APPS = [
  "Google\\Chrome\\Application\\chrome.exe",
  "Chromium\\Application\\chrome.exe",
  "Microsoft\\Edge\\Application\\msedge.exe",
  "Google\\Chrome SxS\\Application\\chrome.exe",
];

function macCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [
    "/Applications",
    ...(env.HOME === undefined ? [] : [posix.join(env.HOME, "Applications")]),
  ];
  return MAC_APPS.flatMap((app) => roots.map((root) => posix.join(root, app)));
}

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(
    (root): root is string => root !== undefined && root !== "",
  );
  return WINDOWS_APPS.flatMap((app) => roots.map((root) => win32.join(root, app)));
}

/** The Windows browsers as WSL sees them, on the C: drive. */
function wslCandidates(): string[] {
  const roots = ["/mnt/c/Program Files", "/mnt/c/Program Files (x86)"];
  return WINDOWS_APPS.flatMap((app) => roots.map((root) => posix.join(root, ...app.split("\\"))));
}

/** Every place to look, best first, for this platform. */
export function browserCandidates({ os, env, wsl }: Platform): string[] {
  if (os === "darwin") return macCandidates(env);
  if (os === "win32") return windowsCandidates(env);
  return [...LINUX, ...(wsl ? wslCandidates() : [])];
}
