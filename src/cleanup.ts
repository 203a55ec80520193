/**
 * Cleanups that must run when the process is interrupted (Ctrl-C, `kill`):
 * a half-built output folder, a lock, a browser's temporary profile. Each is
 * synchronous, since nothing asynchronous finishes once a signal handler
 * decides to exit. The handlers are installed only while a cleanup is
 * registered, so a library user's process keeps its own signal behaviour the
 * rest of the time.
 */
const cleanups = new Set<() => void>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const SIGNAL_NUMBER: Readonly<Record<(typeof SIGNALS)[number], number>> = {
  SIGINT: 2,
  SIGTERM: 15,
  SIGHUP: 1,
};

function onSignal(signal: (typeof SIGNALS)[number]): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // Best effort: the next run sweeps what is left.
    }
  }
  cleanups.clear();
  // The shell's convention for "ended by a signal".
  process.exit(128 + SIGNAL_NUMBER[signal]);
}

const handlers = new Map(SIGNALS.map((signal) => [signal, () => onSignal(signal)]));

/** Runs `cleanup` if the process is interrupted before the returned function is called. */
export function cleanupOnSignal(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    for (const [signal, handler] of handlers) process.on(signal, handler);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    }
  };
}
