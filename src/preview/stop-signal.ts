/** Resolves on Ctrl-C (SIGINT), SIGTERM, SIGHUP, or when `signal` aborts: how a long-running command ends. */
export function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      process.off("SIGHUP", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    if (signal?.aborted === true) return done();
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    process.once("SIGHUP", done);
    signal?.addEventListener("abort", done, { once: true });
  });
}
