import { mimeOf } from "../output/image-types.js";
import type { OutputFile } from "../output/write.js";

function dataUri(file: OutputFile): string {
  const data = typeof file.data === "string" ? Buffer.from(file.data) : file.data;
  return `data:${mimeOf(file.name)};base64,${data.toString("base64")}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Makes marp-cli's deck.html one self-contained file (its fonts are already
 * inlined by the export theme): the local images it refers to (emoji, QR code,
 * cover) become data URIs, so it can be mailed and opened with no network and
 * no folder beside it.
 */
export function standaloneHtml(html: string, assets: readonly OutputFile[]): string {
  let page = html;
  for (const asset of assets) {
    // As an attribute (`src="emoji/…"`) or inside CSS url() (`url(&quot;cover.jpg&quot;)`).
    const reference = new RegExp(`(["(]|&quot;)${escapeRegExp(asset.name)}(?=["')&])`, "g");
    const uri = dataUri(asset);
    page = page.replace(reference, (_match, before: string) => `${before}${uri}`);
  }
  return page;
}
