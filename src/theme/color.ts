/** sRGB colours as `#rrggbb`, with the WCAG 2.x contrast maths. */

type Rgb = readonly [number, number, number];

/** A colour as the settings write it: `#rrggbb`. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (match?.[1] === undefined) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
  const digits =
    match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join("") : match[1];
  return [0, 2, 4].map((offset) =>
    Number.parseInt(digits.slice(offset, offset + 2), 16),
  ) as unknown as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;
}

/** `amount` 0 keeps `from`, 1 gives `to`. */
export function mix(from: string, to: string, amount: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex(
    [0, 1, 2].map(
      (index) => (a[index] ?? 0) + ((b[index] ?? 0) - (a[index] ?? 0)) * amount,
    ) as unknown as Rgb,
  );
}

/** WCAG 2.x relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Moves `color` towards black or white (whichever the backgrounds are further
 * from) until it reaches `ratio` against every background.
 */
export function ensureContrast(
  color: string,
  backgrounds: readonly string[],
  ratio: number,
): string {
  const darkBackgrounds = backgrounds.every((background) => luminance(background) < 0.18);
  const target = darkBackgrounds ? "#ffffff" : "#000000";
  for (let step = 0; step <= 20; step += 1) {
    const candidate = mix(color, target, step / 20);
    if (backgrounds.every((background) => contrast(candidate, background) >= ratio))
      return candidate;
  }
  return target;
}
