import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { createPlaceholder } from '../../src/vite/createPlaceholder.js';

/** Widths every thumbnail is written at (JPEG); the pages build `srcset`s from them. */
export const THUMB_WIDTHS = [320, 640, 1280] as const;
/** How many distinct thumbnails the pages can show. */
export const THUMB_COUNT = 40;

/** Widths every gallery photo (1600x1000) is written at (JPEG), for the scroll benchmark's `srcset`s. */
export const GALLERY_WIDTHS = [400, 800, 1600] as const;
/** How many gallery photos the scroll benchmark shows. */
export const GALLERY_COUNT = 60;

/** Placeholder data of one thumbnail, as the pages import it from `@fixtures/thumbs.json`. */
export interface ThumbInfo {
  thumbhash: string;
  color: string;
}

// Noise is the slow part to make, so each size is made once (raw pixels: no PNG round trip).
const grains = new Map<string, Promise<Buffer>>();
function grainOf(width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}`;
  let grain = grains.get(key);
  if (!grain) {
    grain = sharp({
      create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
    })
      .raw()
      .toBuffer();
    grains.set(key, grain);
  }
  return grain;
}

// Grain at a quarter of the size, scaled up: detail that survives a downscale, as a real photo's does (fine grain
// alone averages out, and a 400 w copy of a 1600 w photo then encodes to a third of a real one's bytes).
async function coarseGrainOf(width: number, height: number): Promise<Buffer> {
  const [w, h] = [Math.round(width / 4), Math.round(height / 4)];
  return sharp(await grainOf(w, h), { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
}

/**
 * A photo-like picture: a gradient, shapes and grain, so encoded sizes are in the range of real photos. `coarse`
 * adds grain that survives a downscale, for photos served at several widths.
 */
async function photo(width: number, height: number, hue: number, coarse = false): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,60%)"/>
    <stop offset="1" stop-color="hsl(${(hue + 60) % 360},60%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.25}" fill="hsl(${(hue + 180) % 360},80%,70%)"/>
    <rect x="${width * 0.55}" y="${height * 0.5}" width="${width * 0.3}" height="${height * 0.35}" fill="hsl(${(hue + 90) % 360},50%,45%)"/>
  </svg>`;
  const raw = { width, height, channels: 3 } as const;
  const layers = [{ input: await grainOf(width, height), raw, blend: 'soft-light' as const }];
  if (coarse) layers.push({ input: await coarseGrainOf(width, height), raw, blend: 'soft-light' });
  return sharp(Buffer.from(svg)).composite(layers).jpeg({ quality: 82 }).toBuffer();
}

/**
 * Writes the fixture images: `public/img/thumb-<i>-<w>.jpg` and `public/img/gallery-<i>-<w>.jpg` (served as is),
 * `fixtures/hero.jpg` (imported through the `?responsive` plugin) and `fixtures/thumbs.json` and
 * `fixtures/gallery.json` (placeholders).
 */
export async function makeFixtureImages(dir: string): Promise<void> {
  const imgDir = path.join(dir, 'public/img');
  const fixturesDir = path.join(dir, 'fixtures');
  await mkdir(imgDir, { recursive: true });
  await mkdir(fixturesDir, { recursive: true });
  const thumbs: ThumbInfo[] = [];
  for (let i = 0; i < THUMB_COUNT; i++) {
    const largest = await photo(1280, 960, (i * 37) % 360);
    for (const w of THUMB_WIDTHS) {
      await sharp(largest)
        .resize(w)
        .jpeg({ quality: 80 })
        .toFile(path.join(imgDir, `thumb-${i}-${w}.jpg`));
    }
    thumbs.push(await createPlaceholder(largest));
  }
  await writeFile(path.join(fixturesDir, 'thumbs.json'), JSON.stringify(thumbs));
  const gallery: ThumbInfo[] = [];
  for (let i = 0; i < GALLERY_COUNT; i++) {
    const largest = await photo(1600, 1000, (i * 53) % 360, true);
    for (const w of GALLERY_WIDTHS) {
      await sharp(largest)
        .resize(w)
        .jpeg({ quality: 80 })
        .toFile(path.join(imgDir, `gallery-${i}-${w}.jpg`));
    }
    gallery.push(await createPlaceholder(largest));
  }
  await writeFile(path.join(fixturesDir, 'gallery.json'), JSON.stringify(gallery));
  await writeFile(path.join(fixturesDir, 'hero.jpg'), await photo(1920, 1080, 200));
}
