import { printable } from "../printable.js";
import { readAndParse } from "../read-talk.js";

/** `talkdeck quotes FILE`: ranked candidates, as a table or JSON. */
export async function listQuotes(file: string, json: boolean): Promise<string> {
  const talk = (await readAndParse(file)).parsed;
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
