import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Item } from './Item.js';
import { renderProductSvg } from './renderProductSvg.js';

/** Widths the image endpoint renders; anything else is refused, so the disk cache stays bounded. */
export const IMAGE_WIDTHS = [96, 160, 320, 480, 640, 960] as const;
/** Formats the image endpoint renders. */
export const IMAGE_FORMATS = ['avif', 'webp', 'jpeg'] as const;

/** One allowed width. */
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];
/** One allowed format. */
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Content-Type per format. */
export const IMAGE_CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

// Bump when the picture or the encoder settings change: old files are then never served again.
const GENERATION = 'v1';

/** Product images rendered on first request and kept on disk. */
export interface ImageStore {
  /** The encoded image, from disk when it was rendered before. */
  get(item: Pick<Item, 'id' | 'color'>, width: ImageWidth, format: ImageFormat): Promise<Buffer>;
  /** A validator that changes whenever the bytes could change. */
  etagOf(id: number, width: ImageWidth, format: ImageFormat): string;
  /** Resolves once the renders in flight have written their files (or failed), so the folder can be removed. */
  settle(): Promise<void>;
}

/** Opens (and creates) the image cache in `directory`. */
export async function createImageStore(directory: string): Promise<ImageStore> {
  const root = join(directory, GENERATION);
  await mkdir(root, { recursive: true });
  // A grid of thumbnails asks for the same image several times at once (page + service worker): render it once.
  const inFlight = new Map<string, Promise<Buffer>>();

  // Every get() until it settles (reading the disk, or rendering): what settle() waits for.
  const active = new Set<Promise<Buffer>>();

  async function load(item: Pick<Item, 'id' | 'color'>, width: ImageWidth, format: ImageFormat): Promise<Buffer> {
    const file = join(root, `${item.id}-${width}.${format}`);
    try {
      const cached = await readFile(file);
      // An empty file is what a crash between write and rename can leave: render it again.
      if (cached.length > 0) return cached;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let pending = inFlight.get(file);
    if (!pending) {
      pending = render(item, width, format, file).finally(() => inFlight.delete(file));
      inFlight.set(file, pending);
    }
    return pending;
  }

  return {
    get(item, width, format) {
      const loading = load(item, width, format);
      active.add(loading);
      void loading.then(
        () => active.delete(loading),
        () => active.delete(loading),
      );
      return loading;
    },
    etagOf(id, width, format) {
      return `"${GENERATION}-${id}-${width}-${format}"`;
    },
    async settle() {
      // A get may start while others finish (a request still being answered): wait until none is left.
      while (active.size) await Promise.allSettled(active);
    },
  };
}

/** Renders, encodes and stores one image. */
async function render(
  item: Pick<Item, 'id' | 'color'>,
  width: ImageWidth,
  format: ImageFormat,
  file: string,
): Promise<Buffer> {
  const image = sharp(Buffer.from(renderProductSvg(item, width)));
  // Fast encoder settings: images are rendered on a user's request, and these sizes are visually lossless enough.
  const encoded =
    format === 'avif'
      ? await image.avif({ quality: 55, effort: 2 }).toBuffer()
      : format === 'webp'
        ? await image.webp({ quality: 78, effort: 3 }).toBuffer()
        : await image.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  // Write then rename: a crash mid-write never leaves a truncated image that would be served forever.
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, encoded);
  await rename(temporary, file);
  return encoded;
}
