/**
 * The code points an sfnt font (TrueType or CFF, not WOFF) has glyphs for,
 * from its cmap table: format 12 (full Unicode) when the font has one, else
 * format 4 (the BMP). Read here rather than through a font library because
 * every card worker needs it at start, and importing fontkit cost each worker
 * 130 ms and 20 MB; the test compares the result with fontkit's.
 */
export function fontCoverage(sfnt: Buffer, label: string): ReadonlySet<number> {
  const cmap = tableOffset(sfnt, "cmap");
  if (cmap === undefined) throw new Error(`${label} has no cmap table`);
  const subtables = Array.from({ length: sfnt.readUInt16BE(cmap + 2) }, (_, index) => {
    const entry = cmap + 4 + index * 8;
    const offset = cmap + sfnt.readUInt32BE(entry + 4);
    return {
      platform: sfnt.readUInt16BE(entry),
      encoding: sfnt.readUInt16BE(entry + 2),
      format: sfnt.readUInt16BE(offset),
      offset,
    };
  });
  const unicode = subtables.filter(
    ({ platform, encoding }) =>
      platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)),
  );
  const full = unicode.find(({ format }) => format === 12);
  if (full !== undefined) return format12(sfnt, full.offset);
  const bmp = unicode.find(({ format }) => format === 4);
  if (bmp !== undefined) return format4(sfnt, bmp.offset);
  throw new Error(`${label} has no Unicode cmap of format 4 or 12`);
}

function tableOffset(sfnt: Buffer, tag: string): number | undefined {
  const tables = sfnt.readUInt16BE(4);
  for (let index = 0; index < tables; index += 1) {
    const entry = 12 + index * 16;
    if (sfnt.toString("latin1", entry, entry + 4) === tag) return sfnt.readUInt32BE(entry + 8);
  }
  return undefined;
}

/** Segments of 16-bit codes, each mapped by a delta or through a glyph array. */
function format4(sfnt: Buffer, at: number): Set<number> {
  const covered = new Set<number>();
  const segments = sfnt.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment += 1) {
    const start = sfnt.readUInt16BE(starts + segment * 2);
    const end = sfnt.readUInt16BE(ends + segment * 2);
    const delta = sfnt.readUInt16BE(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = sfnt.readUInt16BE(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        glyph = sfnt.readUInt16BE(rangeOffsetAt + rangeOffset + (code - start) * 2);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(code);
    }
  }
  return covered;
}

/** Groups of consecutive codes mapped to consecutive glyphs. */
function format12(sfnt: Buffer, at: number): Set<number> {
  const covered = new Set<number>();
  const groups = sfnt.readUInt32BE(at + 12);
  for (let group = 0; group < groups; group += 1) {
    const entry = at + 16 + group * 12;
    const start = sfnt.readUInt32BE(entry);
    const end = sfnt.readUInt32BE(entry + 4);
    const firstGlyph = sfnt.readUInt32BE(entry + 8);
    for (let code = start; code <= end; code += 1) {
      if (firstGlyph + (code - start) !== 0) covered.add(code);
    }
  }
  return covered;
}
