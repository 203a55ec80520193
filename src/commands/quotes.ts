import { loadAndResolve } from "../load-talk.js";
import { printable } from "../printable.js";
import type { Talk } from "../talk/model.js";
import { parseTalk } from "../talk/parse.js";

/** The talk a file names (itself, or a spec file's `source:`), read as `build` reads it. */
async function loadTalk(file: string): Promise<Talk> {
  const { talk, resolved } = await loadAndResolve(file);
  return parseTalk(talk.body, talk.file, resolved.hints);
}

/** `talkdeck quotes FILE`: ranked candidates, as a table or JSON. */
export async function listQuotes(file: string, json: boolean): Promise<string> {
  const talk = await loadTalk(file);
  if (json) {
    const rows = talk.quotes.map(({ id, score, speaker, line, text, why }) => ({
      id,
      score,
      speaker,
      line,
      text,
      why,
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (talk.quotes.length === 0) return "";
  return `${talk.quotes
    .map((quote) =>
      printable(
        `${quote.id}\t${quote.score.toFixed(1)}\t${quote.speaker}\tline ${quote.line}\t${quote.text}`,
      ),
    )
    .join("\n")}\n`;
}

/** `talkdeck inspect FILE`: the whole parsed talk as JSON. */
export async function inspectTalk(file: string): Promise<string> {
  return `${JSON.stringify(await loadTalk(file), null, 2)}\n`;
}
