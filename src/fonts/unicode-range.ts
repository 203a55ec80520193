/** A parsed CSS `unicode-range` (`U+0000-00FF,U+0131`): sorted inclusive code point intervals. */
export type UnicodeRange = ReadonlyArray<readonly [number, number]>;

export function parseUnicodeRange(css: string): UnicodeRange {
  return css
    .split(",")
    .map((part) => part.trim().replace(/^U\+/i, ""))
    .filter((part) => part !== "")
    .map((part): [number, number] => {
      const [low = "0", high = low] = part.split("-");
      return [Number.parseInt(low, 16), Number.parseInt(high, 16)];
    })
    .sort((a, b) => a[0] - b[0]);
}

export function rangeCovers(range: UnicodeRange, codePoint: number): boolean {
  let low = 0;
  let high = range.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = range[middle] ?? [0, -1];
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}
