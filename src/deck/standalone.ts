import { ErrorCode, TalkdeckError } from "../errors.js";
import { cssBytes } from "../fonts/css-bytes.js";
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
 * Makes marp-cli's deck.html one self-contained file, so it can be mailed and
 * opened with no network and no folder beside it: the local images it refers
 * to (emoji, QR code, cover) become data URIs, and the bundled fonts go in a
 * style element of its head. The fonts go in here, not in the theme marp-cli
 * reads: it would parse and print their megabytes of base64 again with
 * postcss, most of an HTML export's time.
 */
export function standaloneHtml(
  html: Buffer,
  assets: readonly OutputFile[],
  fontCss: string,
): Buffer {
  let page = html.toString("utf8");
  for (const asset of assets) {
    // As an attribute (`src="emoji/…"`) or inside CSS url() (`url(&quot;cover.jpg&quot;)`).
    const reference = new RegExp(`(["(]|&quot;)${escapeRegExp(asset.name)}(?=["')&])`, "g");
    const uri = dataUri(asset);
    page = page.replace(reference, (_match, before: string) => `${before}${uri}`);
  }
  const head = page.indexOf("</head>");
  if (head < 0) {
    throw new TalkdeckError(ErrorCode.ExportFailed, "marp-cli's HTML has no <head> for the fonts", {
      hint: "the installed @marp-team/marp-cli is not the one talkdeck pins: run `npm ci`",
    });
  }
  return Buffer.concat([
    Buffer.from(`${page.slice(0, head)}<style>`),
    cssBytes(fontCss),
    Buffer.from(`</style>${page.slice(head)}`),
  ]);
}
