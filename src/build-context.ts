import type { EmojiSet } from "./cards/emoji.js";
import type { OutputReuse } from "./output/reuse.js";
import type { Selection } from "./select.js";
import type { TemplateRegistry } from "./templates.js";

/**
 * What the deck, the cards and the carousel of one build share. Where each
 * decision came from: the talk's chosen parts in `selection` (quote origins
 * in `cardOrigins`), the settings in `selection.config` (`locate` names the
 * file and line of each), the look in `templates` (ours or the user's).
 */
export interface BuildContext {
  selection: Selection;
  templates: TemplateRegistry;
  emoji: EmojiSet;
  /** The previous build's outputs in this folder, reused when made from the same inputs; records this build's hashes. */
  outputs: OutputReuse;
}
