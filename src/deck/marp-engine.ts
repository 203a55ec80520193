import { Marp, type MarpOptions } from "@marp-team/marp-core";
import { marpOptions } from "./marp-options.js";

/**
 * The engine marp-cli renders deck.html, PDF and PPTX with (`--engine`): this
 * package's marp-core with talkdeck's options, so every export matches.
 */
export default class TalkdeckMarp extends Marp {
  constructor(options: MarpOptions = {}) {
    super({ ...options, ...marpOptions });
  }
}
