// @vitest-environment node
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio } from 'thumbhash';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, createLogger, createServer, type Logger } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateWidths, generateResponsiveImage } from './generateResponsiveImage.js';
import { loadResponsiveImage } from './loadResponsiveImage.js';
import { resolveOptions } from './resolveOptions.js';
import { responsiveImages } from './responsiveImages.js';

let dir: string;
let photo: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lazy-image-plugin-'));
  photo = path.join(dir, 'photo.jpg');
  // A 1000x600 gradient-ish fixture: left half red, right half blue, so the dominant color is checkable.
  const half = { width: 500, height: 600, channels: 3 as const };
  await sharp({ create: { ...half, background: '#d02020' } })
    .extend({ right: 500, background: '#2020d0' })
    .jpeg()
    .toFile(photo);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('candidateWidths', () => {
  it('keeps widths below the source and adds the source width', () => {
    expect(candidateWidths([320, 640, 1280], 1000)).toEqual([320, 640, 1000]);
    expect(candidateWidths([320, 640], 200)).toEqual([200]);
    expect(candidateWidths([320, 640], 2000)).toEqual([320, 640]);
  });
});

describe('resolveOptions', () => {
  it('rejects bad widths, formats and qualities', () => {
    expect(() => resolveOptions({ widths: [0] }, dir)).toThrow(/widths/);
    expect(() => resolveOptions({ formats: ['gif' as 'avif'] }, dir)).toThrow(/formats/);
    expect(() => resolveOptions({ quality: { avif: 0 } }, dir)).toThrow(/quality\.avif/);
  });
});

describe('generateResponsiveImage', () => {
  it('encodes every width in every format with the right dimensions and a placeholder', async () => {
    const options = resolveOptions({ widths: [320, 640, 1280], cacheDir: path.join(dir, 'cache-a') }, dir);
    const image = await generateResponsiveImage(await readFile(photo), 'photo', options);
    expect(image.width).toBe(1000);
    expect(image.height).toBe(600);
    expect(image.variants.map((v) => v.fileName)).toEqual([
      'photo-320.avif',
      'photo-640.avif',
      'photo-1000.avif',
      'photo-320.webp',
      'photo-640.webp',
      'photo-1000.webp',
      'photo-320.jpg',
      'photo-640.jpg',
      'photo-1000.jpg',
    ]);
    for (const variant of image.variants) {
      const meta = await sharp(variant.data).metadata();
      expect(meta.width).toBe(variant.width);
      expect(meta.height).toBe(Math.round((variant.width * 600) / 1000));
      expect(meta.format).toBe(variant.format === 'avif' ? 'heif' : variant.format);
    }
    const hash = Buffer.from(image.placeholder?.thumbhash ?? '', 'base64');
    expect(thumbHashToApproximateAspectRatio(hash)).toBeCloseTo(1000 / 600, 0);
    expect(image.placeholder?.color).toMatch(/^#[0-9a-f]{6}$/);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(image.placeholder?.color.slice(i, i + 2) ?? '', 16));
    expect(Math.max(r!, b!)).toBeGreaterThan(150);
    expect(g).toBeLessThan(80);
  });

  it('swaps width and height for EXIF-rotated photos', async () => {
    const rotated = await sharp(photo).withMetadata({ orientation: 6 }).toBuffer();
    const options = resolveOptions({ widths: [320], formats: ['webp'], placeholder: false }, dir);
    const image = await generateResponsiveImage(rotated, 'r', options);
    expect([image.width, image.height]).toEqual([600, 1000]);
    const meta = await sharp(image.variants[0]?.data).metadata();
    expect([meta.width, meta.height]).toEqual([320, Math.round((320 * 1000) / 600)]);
  });
});

describe('disk cache', () => {
  it('hits on the second load and misses when the bytes change', async () => {
    const options = resolveOptions({ widths: [320], formats: ['webp'], cacheDir: path.join(dir, 'cache-b') }, dir);
    const first = await loadResponsiveImage(photo, options);
    const second = await loadResponsiveImage(photo, options);
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.image).toEqual(first.image);
    const copy = path.join(dir, 'copy.jpg');
    await sharp(photo).flop().toFile(copy);
    expect((await loadResponsiveImage(copy, options)).cached).toBe(false);
  });
});

describe('responsiveImages() in a Vite build', () => {
  it('emits the files, references them from the module and reuses the cache on rebuild', async () => {
    await writeFile(path.join(dir, 'main.js'), "import img from './photo.jpg?responsive';\nwindow.IMG = img;\n");
    const cacheDir = path.join(dir, 'cache-c');
    const runBuild = async (outDir: string) => {
      const started = performance.now();
      await build({
        root: dir,
        logLevel: 'silent',
        configFile: false,
        plugins: [responsiveImages({ widths: [320, 640], cacheDir })],
        build: { outDir, lib: false, rolldownOptions: { input: path.join(dir, 'main.js') } },
      });
      return performance.now() - started;
    };
    await runBuild(path.join(dir, 'out1'));
    const assets = (await readdir(path.join(dir, 'out1/assets'))).sort();
    expect(assets.filter((f) => /^photo-\d+-.*\.(avif|webp|jpg)$/.test(f))).toHaveLength(6);
    const js = await readFile(path.join(dir, 'out1/assets', assets.find((f) => f.endsWith('.js')) ?? ''), 'utf8');
    const avif = assets.find((f) => f.startsWith('photo-320-') && f.endsWith('.avif'));
    expect(js).toContain(`/assets/${avif} 320w`);
    expect(js).toContain('image/avif');
    expect(js).toContain('thumbhash');
    expect(await readdir(cacheDir)).toHaveLength(1);

    await runBuild(path.join(dir, 'out2'));
    // Same cache entry reused: nothing new was encoded.
    expect(await readdir(cacheDir)).toHaveLength(1);
    expect((await readdir(path.join(dir, 'out2/assets'))).sort()).toEqual(assets);
  });
});

describe('responsiveImages() logging and default cache', () => {
  /** A Vite logger that keeps the plugin's lines. */
  function recordingLogger(): { logger: Logger; lines: string[] } {
    const lines: string[] = [];
    const logger = createLogger('silent');
    logger.info = (message) => void lines.push(message);
    return { logger, lines };
  }

  it("reports encoded vs cached images through Vite's logger and caches under Vite's cacheDir", async () => {
    const root = await mkdtemp(path.join(dir, 'log-'));
    await writeFile(path.join(root, 'main.js'), "import img from '../photo.jpg?responsive';\nwindow.IMG = img;\n");
    const viteCacheDir = path.join(root, 'custom-vite-cache');
    const runBuild = async (outDir: string) => {
      const { logger, lines } = recordingLogger();
      await build({
        root,
        customLogger: logger,
        logLevel: 'silent',
        configFile: false,
        cacheDir: viteCacheDir,
        plugins: [responsiveImages({ widths: [320], formats: ['webp'] })],
        build: { outDir, rolldownOptions: { input: path.join(root, 'main.js') } },
      });
      return lines.filter((line) => line.startsWith('responsive images:'));
    };
    const first = await runBuild(path.join(root, 'out1'));
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^responsive images: encoded \.\.\/photo\.jpg in \d+\.\d s$/);
    expect(first[1]).toMatch(/^responsive images: 1 encoded, 0 from cache, \d+\.\d s$/);
    expect(await readdir(path.join(viteCacheDir, 'pronto-lazy-image'))).toHaveLength(1);

    const second = await runBuild(path.join(root, 'out2'));
    expect(second).toEqual([expect.stringMatching(/^responsive images: 0 encoded, 1 from cache, \d+\.\d s$/)]);
  });
});

describe('responsiveImages() in the dev server', () => {
  it('serves the encoded files from memory at the URLs the module gives', async () => {
    const server = await createServer({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      cacheDir: path.join(dir, '.vite-dev'),
      server: { middlewareMode: true, ws: false },
      plugins: [responsiveImages({ widths: [320], formats: ['webp'], cacheDir: path.join(dir, 'cache-d') })],
    });
    const http = createHttpServer(server.middlewares);
    try {
      const mod = (await server.ssrLoadModule('/photo.jpg?responsive')) as {
        default: { sources: Array<{ type: string; srcset: string }> };
      };
      const [source] = mod.default.sources;
      expect(source?.type).toBe('image/webp');
      const url = /^(\/@pronto-lazy-image\/\S+\/photo-320\.webp) 320w$/.exec(source?.srcset ?? '')?.[1];
      expect(url).toBeDefined();
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const { port } = http.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}${url}`);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect([meta.format, meta.width]).toEqual(['webp', 320]);
    } finally {
      http.close();
      await server.close();
    }
  });
});
