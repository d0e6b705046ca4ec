import { describe, expect, it } from 'vitest';
import { cacheControlFor } from './cacheControlFor.js';
import { contentTypeOf, isCompressible } from './contentTypes.js';

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8', true],
    ['app.js', 'text/javascript; charset=utf-8', true],
    ['app.css', 'text/css; charset=utf-8', true],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8', true],
    ['logo.svg', 'image/svg+xml', true],
    ['icon.png', 'image/png', false],
    ['favicon.ico', 'image/x-icon', true],
    ['photo.avif', 'image/avif', false],
    ['photo.webp', 'image/webp', false],
    ['data.json', 'application/json; charset=utf-8', true],
    ['robots.txt', 'text/plain; charset=utf-8', true],
    ['font.woff2', 'font/woff2', false],
    ['LOGO.SVG', 'image/svg+xml', true],
    ['archive.unknown', 'application/octet-stream', false],
  ])('%s is %s (compressible: %s)', (name, type, compressible) => {
    expect(contentTypeOf(name)).toBe(type);
    expect(isCompressible(type)).toBe(compressible);
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['/assets/entry-abc.js', 'public, max-age=31536000, immutable'],
    ['/index.html', 'no-cache'],
    ['/docs/page.html', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/pwa-192x192.png', 'public, max-age=3600'],
    ['/robots.txt', 'public, max-age=3600'],
  ])('%s -> %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});
