import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedImage } from './generateResponsiveImage.js';
import type { ResolvedResponsiveImagesOptions } from './resolveOptions.js';

// Bump when the output of generateResponsiveImage changes for the same input, to invalidate old entries.
const CACHE_VERSION = 1;

type StoredImage = Omit<GeneratedImage, 'variants'> & {
  variants: Array<Omit<GeneratedImage['variants'][number], 'data'>>;
};

/** The cache key: the source bytes and every option that changes the output. */
export function cacheKey(input: Buffer, baseName: string, options: ResolvedResponsiveImagesOptions): string {
  const { widths, formats, quality, placeholder } = options;
  return createHash('sha256')
    .update(input)
    .update(JSON.stringify({ CACHE_VERSION, baseName, widths, formats, quality, placeholder }))
    .digest('hex')
    .slice(0, 32);
}

/** Reads a cached result, or `undefined` when absent or incomplete. */
export async function readCached(cacheDir: string, key: string): Promise<GeneratedImage | undefined> {
  const dir = path.join(cacheDir, key);
  try {
    const stored = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as StoredImage;
    const variants = await Promise.all(
      stored.variants.map(async (v) => ({ ...v, data: await readFile(path.join(dir, v.fileName)) })),
    );
    return { ...stored, variants };
  } catch {
    return undefined;
  }
}

/** Stores a result; meta.json is written last and atomically, so a crash never leaves a half entry readable. */
export async function writeCached(cacheDir: string, key: string, image: GeneratedImage): Promise<void> {
  const dir = path.join(cacheDir, key);
  await mkdir(dir, { recursive: true });
  await Promise.all(image.variants.map((v) => writeFile(path.join(dir, v.fileName), v.data)));
  const stored: StoredImage = { ...image, variants: image.variants.map(({ data: _data, ...v }) => v) };
  const temp = path.join(dir, `meta.${process.pid}.tmp`);
  await writeFile(temp, JSON.stringify(stored));
  await rename(temp, path.join(dir, 'meta.json'));
}
