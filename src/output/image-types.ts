/** File extension → MIME type of the images talkdeck writes, inlines or reads. */
export const IMAGE_MIME = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
} as const;

export type ImageExtension = keyof typeof IMAGE_MIME;

/** The extension for a MIME type among `allowed`, or undefined. */
export function extensionFor(
  mime: string,
  allowed: readonly ImageExtension[],
): ImageExtension | undefined {
  return allowed.find((extension) => IMAGE_MIME[extension] === mime);
}

/** The MIME type of a file name's extension, or a generic one. */
export function mimeOf(name: string): string {
  const extension = name.split(".").pop() ?? "";
  return extension in IMAGE_MIME
    ? IMAGE_MIME[extension as ImageExtension]
    : "application/octet-stream";
}
