import QRCode from "qrcode";
import type { QrImage } from "./plan.js";

/** The source link as a QR code, drawn offline, dark on white so it scans on any theme. */
export async function qrImage(url: string): Promise<QrImage> {
  const svg = await QRCode.toString(url, {
    type: "svg",
    margin: 0,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
  return { url, dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
