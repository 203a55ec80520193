/**
 * A theme is one set of tokens. The deck's Marp CSS and the cards' styles are
 * both generated from it, so the two always match.
 */
export interface ThemeTokens {
  name: string;
  /**
   * Read by no renderer, but kept: the card and carousel hashes in manifest.json take in the whole
   * theme, so dropping it would change them (do it with a version bump, which changes them anyway).
   */
  scheme: "light" | "dark";
  color: {
    background: string;
    /** Panels and quote slides: a step away from the background. */
    surface: string;
    text: string;
    /** Secondary text: speakers, dates, sources. */
    muted: string;
    /** Headings, quote marks, rules. */
    accent: string;
    /** Text on an accent-coloured background (the statement card). */
    onAccent: string;
  };
  font: {
    /** CSS font stack for the deck; cards use the bundled fonts whatever this says. */
    deck: string;
  };
}

/** Latin face first, then CJK faces the deck embeds or the system may have. */
export const DECK_FONTS =
  '"Inter", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export const builtInThemes: Readonly<Record<string, ThemeTokens>> = {
  midnight: {
    name: "midnight",
    scheme: "dark",
    color: {
      background: "#0f172a",
      surface: "#1e293b",
      text: "#f8fafc",
      muted: "#cbd5e1",
      accent: "#fbbf24",
      onAccent: "#0f172a",
    },
    font: { deck: DECK_FONTS },
  },
  paper: {
    name: "paper",
    scheme: "light",
    color: {
      background: "#fbfaf7",
      surface: "#f1ede4",
      text: "#1c1917",
      muted: "#57534e",
      accent: "#a3480a",
      onAccent: "#ffffff",
    },
    font: { deck: DECK_FONTS },
  },
};

export const defaultThemeName = "midnight";

/** Every foreground/background pair the deck and cards draw text with. */
export function textPairs(theme: ThemeTokens): Array<[string, string, string]> {
  const { color } = theme;
  return [
    ["text on background", color.text, color.background],
    ["text on surface", color.text, color.surface],
    ["muted on background", color.muted, color.background],
    ["muted on surface", color.muted, color.surface],
    ["accent on background", color.accent, color.background],
    ["accent on surface", color.accent, color.surface],
    ["onAccent on accent", color.onAccent, color.accent],
  ];
}
