import { inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

export function isWoff(data: Buffer): boolean {
  return data.length >= WOFF_HEADER && data.readUInt32BE(0) === WOFF_SIGNATURE;
}

/**
 * The plain OpenType (sfnt) font inside a WOFF 1.0 file (W3C WOFF §4–5: the
 * same tables, each zlib-compressed). satori would otherwise inflate every
 * table twice per process in JavaScript (for opentype.js and for HarfBuzz);
 * node's zlib does it once, several times faster.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  const tableCount = woff.readUInt16BE(12);
  const tables = Array.from({ length: tableCount }, (_, index) => {
    const at = WOFF_HEADER + index * WOFF_ENTRY;
    return {
      tag: woff.readUInt32BE(at),
      offset: woff.readUInt32BE(at + 4),
      compressedLength: woff.readUInt32BE(at + 8),
      length: woff.readUInt32BE(at + 12),
      checksum: woff.readUInt32BE(at + 16),
    };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const size = tables.reduce(
    (total, table) => total + padded(table.length),
    SFNT_HEADER + SFNT_ENTRY * tableCount,
  );
  const sfnt = Buffer.alloc(size);
  // The sfnt header's binary-search fields, as the OpenType spec defines them.
  const entrySelector = Math.floor(Math.log2(Math.max(1, tableCount)));
  const searchRange = 2 ** entrySelector * SFNT_ENTRY;
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  sfnt.writeUInt16BE(tableCount, 4);
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(tableCount * SFNT_ENTRY - searchRange, 10);
  let offset = SFNT_HEADER + SFNT_ENTRY * tableCount;
  tables.forEach((table, index) => {
    const entry = SFNT_HEADER + index * SFNT_ENTRY;
    sfnt.writeUInt32BE(table.tag, entry);
    sfnt.writeUInt32BE(table.checksum, entry + 4);
    sfnt.writeUInt32BE(offset, entry + 8);
    sfnt.writeUInt32BE(table.length, entry + 12);
    const stored = woff.subarray(table.offset, table.offset + table.compressedLength);
    // A table is stored uncompressed when compressing did not make it smaller.
    const data = table.compressedLength < table.length ? inflateSync(stored) : stored;
    data.copy(sfnt, offset);
    offset += padded(table.length);
  });
  return sfnt;
}
