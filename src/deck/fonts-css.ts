import { readFontManifest, readPackageFile } from "../fonts/manifest.js";

/**
 * `@font-face` rules with the bundled fonts inlined, so deck.html shows the
 * same type on a laptop with no CJK fonts and no network.
 */
export async function embeddedFontCss(): Promise<string> {
  const { deck } = await readFontManifest();
  const rules = await Promise.all(
    deck.faces.map(async (face) => {
      const data = (await readPackageFile(face.package, face.file)).toString("base64");
      return `@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: normal; font-display: block; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
    }),
  );
  return rules.join("\n");
}
