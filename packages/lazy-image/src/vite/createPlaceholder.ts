import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';

/** A ThumbHash (base64) and the dominant color (`#rrggbb`) of an image. */
export interface GeneratedPlaceholder {
  thumbhash: string;
  color: string;
}

const hex = (n: number): string => n.toString(16).padStart(2, '0');

/** Computes the placeholder of an image from its bytes. */
export async function createPlaceholder(input: Buffer): Promise<GeneratedPlaceholder> {
  // ThumbHash accepts at most 100x100 px; it only keeps low frequencies, so a small thumbnail loses nothing.
  const { data, info } = await sharp(input)
    .rotate()
    .resize(100, 100, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const hash = rgbaToThumbHash(info.width, info.height, data);
  const { dominant } = await sharp(input).stats();
  return {
    thumbhash: Buffer.from(hash).toString('base64'),
    color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`,
  };
}
