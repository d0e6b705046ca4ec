/**
 * Decodes a base64 ThumbHash into a PNG data URL. The decoder is imported on first use, so pages
 * without hash placeholders never download it.
 */
export async function decodeThumbHash(base64: string): Promise<string> {
  const { thumbHashToDataURL } = await import('thumbhash');
  return thumbHashToDataURL(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
}
