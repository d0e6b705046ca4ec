import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheKey, readCached, writeCached } from './diskCache.js';
import { generateResponsiveImage, type GeneratedImage } from './generateResponsiveImage.js';
import type { ResolvedResponsiveImagesOptions } from './resolveOptions.js';

/** A generated image and whether it came from the disk cache. */
export interface LoadedImage {
  image: GeneratedImage;
  cached: boolean;
}

/** Generates the variants of the image at `file`, or reads them from the cache when the bytes are unchanged. */
export async function loadResponsiveImage(
  file: string,
  options: ResolvedResponsiveImagesOptions,
): Promise<LoadedImage> {
  const input = await readFile(file);
  const baseName = path.basename(file, path.extname(file)).replace(/[^\w-]+/g, '_');
  const key = cacheKey(input, baseName, options);
  const hit = await readCached(options.cacheDir, key);
  if (hit) return { image: hit, cached: true };
  const image = await generateResponsiveImage(input, baseName, options);
  await writeCached(options.cacheDir, key, image);
  return { image, cached: false };
}
