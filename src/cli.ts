#!/usr/bin/env node
import { run } from "./run.js";

// `talkdeck quotes FILE | head -1`: the reader has what it wanted and closed the pipe.
// Stop quietly with exit 0 (no EPIPE stack), so a `set -o pipefail` script with `| head` succeeds.
// Any other failure to write the data (a full disk: `> /dev/full`) is one line and exit 1.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`talkdeck: error: cannot write the output: ${error.message}\n`);
  process.exit(1);
});
// Nobody reads the messages any more: finish the command anyway rather than stop half-way.
process.stderr.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

process.exitCode = await run(process.argv.slice(2));
