import type { CardSize } from "../config/model.js";

/**
 * The smallest text a card may show: 1/40 of its width (27 px at 1080, 30 px
 * at 1200). A feed shows a card about 500 px wide, where that is 12–13 px,
 * the smallest size that still reads on a phone.
 */
export function minTextSize(size: CardSize): number {
  return Math.ceil(size.width / 40);
}

/** Measurements that scale with the card's shorter side (1 at 1080 px). */
export function cardLayout(size: CardSize) {
  const unit = Math.min(size.width, size.height) / 1080;
  const round = (value: number) => Math.round(value * unit);
  // Attribution scales with the card's area, not its short side: on wide cards
  // (1200×675) the short side alone would shrink names and titles to a whisper.
  const textUnit = Math.min(1, Math.sqrt(size.width * size.height) / 1080);
  const roundText = (value: number) => Math.round(value * textUnit);
  const minText = minTextSize(size);
  // Names and quotes stay a step above the smallest text, so the source line never competes with them.
  const stepAbove = Math.ceil(minText * 1.2);
  const padding = round(88);
  // Stories: the platforms lay their own controls over the top and bottom 250 px.
  const isStory = size.height / size.width >= 1.7;
  /** Text never shrinks below this: a quote that needs less does not fit the size. */
  const minFont = Math.max(22, stepAbove, round(34));
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
    speakerSize: Math.max(20, stepAbove, roundText(40)),
    /** The source line and the handle: the smallest text on the card. */
    metaSize: Math.max(16, minText, roundText(30)),
    logoHeight: Math.max(24, round(56)),
    minFont,
    // By area, like the attribution: a short quote on a 1200×675 card would
    // otherwise stop at 48 px and leave half the card empty. Never below the
    // smallest size, which a wide, low custom card's measurements would be.
    maxFont: Math.max(28, minFont, roundText(76)),
  };
}

export type CardLayout = ReturnType<typeof cardLayout>;

/** A filled quotation mark, drawn rather than typeset so it looks the same in every font. */
export function quoteMarkDataUri(color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90"><path fill="${color}" d="M0 90V60C0 26 16 5 48 0l5 13C36 19 28 30 27 45h24v45zm67 0V60c0-34 16-55 48-60l5 13c-17 6-25 17-26 32h24v45z"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
