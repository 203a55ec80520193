import { PNG } from "pngjs";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/**
 * Share of pixels that differ clearly from the background (the top-left
 * corner's colour): an empty or tofu-only card scores near zero.
 */
export function inkShare(image: PNG): number {
  const { data, width, height } = image;
  const [r0 = 0, g0 = 0, b0 = 0] = [data[0], data[1], data[2]];
  let ink = 0;
  for (let offset = 0; offset < width * height * 4; offset += 4) {
    const distance = Math.max(
      Math.abs((data[offset] ?? 0) - r0),
      Math.abs((data[offset + 1] ?? 0) - g0),
      Math.abs((data[offset + 2] ?? 0) - b0),
    );
    if (distance > 64) ink += 1;
  }
  return ink / (width * height);
}
