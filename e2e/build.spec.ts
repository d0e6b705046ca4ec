import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoDist, nextDemoDist } from './support/demoServer';

// Two builds that differ only in app code (the build id): the React vendor chunk must keep its name, so
// returning users keep it cached across deploys, while the entry chunk does change.
function chunkNames(dist: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; name?: string }
  >;
  return Object.fromEntries(Object.values(manifest).map((chunk) => [chunk.name ?? chunk.file, chunk.file]));
}

test('an app-only change keeps the react vendor chunk name and changes the entry', () => {
  const current = chunkNames(demoDist);
  const next = chunkNames(nextDemoDist);
  expect(current['react-vendor']).toMatch(/^assets\/react-vendor-[\w-]+\.js$/);
  expect(next['react-vendor']).toBe(current['react-vendor']);
  expect(next.entry).not.toBe(current.entry);
});

test('the service worker precaches the whole app shell, each file once', () => {
  const sw = readFileSync(join(demoDist, 'sw.js'), 'utf8');
  const match = /(\[\{"revision":.*?\}\])/.exec(sw);
  expect(match, 'precache manifest injected into sw.js').not.toBeNull();
  const urls = (JSON.parse(match?.[1] ?? '[]') as { url: string }[]).map((entry) => entry.url);
  expect(new Set(urls).size).toBe(urls.length);
  const manifest = JSON.parse(readFileSync(join(demoDist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; css?: string[] }
  >;
  // Every script and stylesheet; images (the hero's many widths and formats) are cached at runtime instead.
  const built = Object.values(manifest)
    .flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])])
    .filter((file) => /\.(js|css)$/.test(file));
  expect(urls.filter((url) => /\.(avif|webp|jpe?g)$/.test(url))).toEqual([]);
  expect(urls).toEqual(
    expect.arrayContaining([...built, 'index.html', 'manifest.webmanifest', 'pwa-192x192.png', 'pwa-512x512.png']),
  );
});

test('index.html preloads the hero (the LCP element of the first page) with files the build emitted', () => {
  const html = readFileSync(join(demoDist, 'index.html'), 'utf8');
  const srcset = /<link rel="preload" as="image" type="image\/avif"[^>]*imagesrcset="([^"]+)"/.exec(html)?.[1];
  expect(srcset, 'hero preload link').toBeDefined();
  const files = (srcset ?? '').split(', ').map((candidate) => candidate.split(' ')[0] ?? '');
  expect(files.length).toBeGreaterThan(1);
  for (const file of files) expect(() => readFileSync(join(demoDist, file))).not.toThrow();
});

test('each route has a shell: index.html plus modulepreloads of exactly the chunks its lazy route adds', () => {
  const index = readFileSync(join(demoDist, 'index.html'), 'utf8');
  const { routes } = JSON.parse(readFileSync(join(demoDist, 'route-preloads.json'), 'utf8')) as {
    routes: { path: string; shell: string; files: string[] }[];
  };
  const manifest = JSON.parse(readFileSync(join(demoDist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const routeChunk = {
    '/': manifest['src/routes/CatalogPage.tsx']?.file,
    '/items/:id': manifest['src/routes/ItemPage.tsx']?.file,
  };
  expect(routes.map((route) => route.path)).toEqual(Object.keys(routeChunk));
  for (const route of routes) {
    expect(route.files[0]).toBe(routeChunk[route.path as keyof typeof routeChunk]);
    const links = route.files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('');
    expect(readFileSync(join(demoDist, route.shell), 'utf8')).toBe(index.replace('</head>', `${links}</head>`));
    // Nothing the entry already loads is preloaded again.
    for (const file of route.files) expect(index).not.toContain(file);
  }
});
