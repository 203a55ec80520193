import type { CardSize } from "../spec/model.js";

/** Measurements that scale with the card's shorter side (1 at 1080 px). */
export function cardLayout(size: CardSize) {
  const unit = Math.min(size.width, size.height) / 1080;
  const round = (value: number) => Math.round(value * unit);
  // Attribution scales with the card's area, not its short side: on wide cards
  // (1200×675) the short side alone would shrink names and titles to a whisper.
  const textUnit = Math.min(1, Math.sqrt(size.width * size.height) / 1080);
  const roundText = (value: number) => Math.round(value * textUnit);
  const padding = round(88);
  // Stories: the platforms lay their own controls over the top and bottom 250 px.
  const isStory = size.height / size.width >= 1.7;
  return {
    padding,
    paddingY: isStory ? Math.max(padding, Math.round((250 * size.width) / 1080)) : padding,
    markWidth: round(112),
    markHeight: round(84),
    gap: round(48),
    ruleWidth: round(96),
    ruleHeight: Math.max(3, round(6)),
    ruleGap: round(28),
    metaGap: round(8),
    speakerSize: Math.max(20, roundText(38)),
    metaSize: Math.max(16, roundText(28)),
    logoHeight: Math.max(24, round(56)),
    /** Text never shrinks below this: a quote that needs less does not fit the size. */
    minFont: Math.max(22, round(34)),
    maxFont: Math.max(28, round(76)),
  };
}

export type CardLayout = ReturnType<typeof cardLayout>;

/** A filled quotation mark, drawn rather than typeset so it looks the same in every font. */
export function quoteMarkDataUri(color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90"><path fill="${color}" d="M0 90V60C0 26 16 5 48 0l5 13C36 19 28 30 27 45h24v45zm67 0V60c0-34 16-55 48-60l5 13c-17 6-25 17-26 32h24v45z"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
