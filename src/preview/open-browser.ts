/**
 * `--open`: the system's browser on the preview URL, through the platform's
 * opener with the URL as an argument (never a shell string), stopped if it
 * has not handed over within a few seconds.
 */
import { spawn } from "node:child_process";

const OPEN_TIMEOUT_MS = 10_000;

function opener(url: string): { command: string; args: string[] } {
  if (process.platform === "darwin") return { command: "open", args: [url] };
  // `start` is built into cmd; the empty title keeps the URL from being taken for one.
  if (process.platform === "win32") return { command: "cmd", args: ["/c", "start", '""', url] };
  return { command: "xdg-open", args: [url] };
}

/** Opens `url` (ours: http://127.0.0.1:PORT/); resolves false when no opener ran. */
export function openBrowser(url: string): Promise<boolean> {
  const { command, args } = opener(url);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: "ignore",
      shell: false,
      windowsHide: true,
      timeout: OPEN_TIMEOUT_MS,
    });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}
