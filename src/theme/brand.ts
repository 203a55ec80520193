import { contrast, ensureContrast, mix } from "./color.js";
import { DECK_FONTS, type ThemeTokens } from "./tokens.js";

/** WCAG AA for body text. */
export const AA = 4.5;

/**
 * A light theme from one brand colour: a faint tint of it for the background,
 * the brand itself (darkened only as far as AA needs) for headings and marks.
 */
export function brandTheme(brand: string): ThemeTokens {
  const background = mix(brand, "#ffffff", 0.95);
  const surface = mix(brand, "#ffffff", 0.88);
  const text = ensureContrast(mix(brand, "#000000", 0.85), [background, surface], 7);
  const muted = ensureContrast(mix(brand, "#000000", 0.55), [background, surface], AA);
  const accent = ensureContrast(brand, [background, surface], AA);
  const onAccent =
    contrast("#ffffff", accent) >= AA ? "#ffffff" : ensureContrast(text, [accent], AA);
  return {
    name: "brand",
    scheme: "light",
    color: { background, surface, text, muted, accent, onAccent },
    font: { deck: DECK_FONTS },
  };
}
