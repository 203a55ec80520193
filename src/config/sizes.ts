import type { CardSize } from "./model.js";

/** Sizes the platforms use, in pixels. */
export const cardSizePresets: Readonly<Record<string, Omit<CardSize, "name">>> = {
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  tall: { width: 1080, height: 1440 },
  story: { width: 1080, height: 1920 },
  landscape: { width: 1200, height: 675 },
  link: { width: 1200, height: 630 },
};

/** The sides a custom size may have, in pixels (the schema checks them). */
export const CARD_SIDE = { min: 200, max: 4096 } as const;

/** `[width, height]` of a `WIDTHxHEIGHT` name. */
export function parseCustomSize(name: string): [number, number] {
  const [width = 0, height = 0] = name.split("x").map(Number);
  return [width, height];
}

/** A preset name or `WIDTHxHEIGHT` (the schema has checked the form). */
export function toCardSize(name: string): CardSize {
  const preset = cardSizePresets[name];
  if (preset !== undefined) return { name, ...preset };
  const [width, height] = parseCustomSize(name);
  return { name, width, height };
}
