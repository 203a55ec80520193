import { readAndParse } from "../read-talk.js";

/** `talkdeck inspect FILE`: the whole parsed talk as JSON. */
export async function inspectTalk(file: string): Promise<string> {
  return `${JSON.stringify((await readAndParse(file)).parsed, null, 2)}\n`;
}
