import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../src/cards/png.js";
import { decodePng } from "../helpers/png.js";

/** resvg's own PNG and talkdeck's encoding of the same drawing, decoded. */
function bothEncodings(svg: string) {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const ours = encodePng({ width: image.width, height: image.height, pixels: image.pixels });
  return { ours, resvgs: image.asPng() };
}

describe("PNG encoding", () => {
  it("gives exactly resvg's pixels for an opaque card", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#0f172a"/><circle cx="150" cy="100" r="70" fill="#fbbf24"/><path d="M20 180 L280 20" stroke="#f8fafc" stroke-width="3"/></svg>`;
    const { ours, resvgs } = bothEncodings(svg);
    const decoded = decodePng(ours);
    expect([decoded.width, decoded.height]).toEqual([300, 200]);
    expect(decoded.data.equals(decodePng(resvgs).data)).toBe(true);
  });

  it("divides translucent and transparent pixels back by alpha, as resvg does", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect x="10" y="10" width="60" height="40" fill="#3366cc" fill-opacity="0.37"/><circle cx="80" cy="40" r="30" fill="#e11d48" fill-opacity="0.8"/></svg>`;
    const { ours, resvgs } = bothEncodings(svg);
    const decoded = decodePng(ours);
    const alphas = new Set(decoded.data.filter((_, index) => index % 4 === 3));
    expect(alphas.has(0)).toBe(true);
    expect([...alphas].some((alpha) => alpha > 0 && alpha < 255)).toBe(true);
    expect(decoded.data.equals(decodePng(resvgs).data)).toBe(true);
  });
});
