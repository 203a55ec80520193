import { qrSvgText } from "../deck/assets.js";
import type { QrImage } from "./plan.js";

/** The source link as a QR code for the closing image; the image's white panel is its margin. */
export async function qrImage(url: string): Promise<QrImage> {
  const svg = await qrSvgText(url, 0);
  return { url, dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
