import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemById } from './catalog/itemById.js';
import { rawRequest } from './test-support/rawRequest.js';
import { startTestServer, type TestServer } from './test-support/startTestServer.js';

let test: TestServer;
let url: string;

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
});
afterAll(() => test.stop());

describe('GET /api/images/:id', () => {
  it.each([
    ['avif', 'image/avif', 'heif'],
    ['webp', 'image/webp', 'webp'],
    ['jpeg', 'image/jpeg', 'jpeg'],
  ])('renders a real %s at the requested width, cached for a year', async (format, contentType, sharpFormat) => {
    const response = await rawRequest(url, `/api/images/5?w=96&format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toBeDefined();
    const metadata = await sharp(response.body).metadata();
    expect(metadata.format).toBe(sharpFormat);
    expect(metadata.width).toBe(96);
    expect(metadata.height).toBe(96);
  });

  it("is the same picture every time, its mean colour close to the item's colour", async () => {
    const first = await rawRequest(url, '/api/images/123?w=160&format=webp');
    const again = await rawRequest(url, '/api/images/123?w=160&format=webp');
    expect(again.body.equals(first.body)).toBe(true);
    const { channels } = await sharp(first.body).stats();
    const hex = (itemById(123)?.color ?? '').slice(1);
    const expected = [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
    channels
      .slice(0, 3)
      .forEach((channel, index) => expect(Math.abs(channel.mean - (expected[index] as number))).toBeLessThan(60));
    const other = await rawRequest(url, '/api/images/124?w=160&format=webp');
    expect(other.body.equals(first.body)).toBe(false);
  });

  it('keeps rendered images on disk in dataDir/images and answers If-None-Match with 304', async () => {
    const response = await rawRequest(url, '/api/images/77?w=96&format=jpeg');
    const files = await readdir(join(test.dataDir, 'images', 'v1'));
    expect(files).toContain('77-96.jpeg');
    const cached = await rawRequest(url, '/api/images/77?w=96&format=jpeg', {
      headers: { 'If-None-Match': response.headers.etag as string },
    });
    expect(cached.status).toBe(304);
  });

  it('picks the format from Accept when none is asked for, and says so with Vary', async () => {
    const response = await rawRequest(url, '/api/images/9?w=96', { headers: { Accept: 'image/avif,image/webp,*/*' } });
    expect(response.headers['content-type']).toBe('image/avif');
    expect(response.headers.vary).toBe('Accept');
    const old = await rawRequest(url, '/api/images/9?w=96', { headers: { Accept: 'image/*' } });
    expect(old.headers['content-type']).toBe('image/jpeg');
  });

  it.each([
    ['/api/images/5?w=100&format=webp', 400, /w must be one of 96, 160, 320, 480, 640, 960/],
    ['/api/images/5?w=abc', 400, /w must be one of/],
    ['/api/images/5?w=96&format=png', 400, /format must be one of avif, webp, jpeg/],
    ['/api/images/0?w=96&format=webp', 404, /Item 0 does not exist/],
    ['/api/images/x?w=96&format=webp', 400, /Item id must be an integer/],
  ])('%s -> %i', async (path, status, message) => {
    const response = await rawRequest(url, path);
    expect(response.status).toBe(status);
    expect(response.json().error).toMatch(message);
  });
});

describe('createImageStore().settle()', () => {
  it('resolves only after the renders in flight wrote their files, so the folder can be removed', async () => {
    const { mkdtemp, rm, stat } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { createImageStore } = await import('./catalog/createImageStore.js');
    const directory = await mkdtemp(join(tmpdir(), 'pronto-images-'));
    try {
      const store = await createImageStore(directory);
      const renders = [
        store.get({ id: 7, color: '#336699' }, 960, 'avif'),
        store.get({ id: 8, color: '#993366' }, 960, 'webp'),
      ];
      await store.settle();
      // Both files are complete on disk without awaiting the renders themselves.
      const files = (await readdir(join(directory, 'v1'))).sort();
      expect(files).toEqual(['7-960.avif', '8-960.webp']);
      expect((await stat(join(directory, 'v1', '7-960.avif'))).size).toBe((await renders[0]!).length);
      await store.settle();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
