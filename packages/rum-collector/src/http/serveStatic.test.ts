import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from './negotiateEncoding.js';
import { serveStatic } from './serveStatic.js';

const root = mkdtempSync(join(tmpdir(), 'rum-static-'));
const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, label: `row ${i}` })))};\n`;
let server: Server;
let origin: string;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>x</title><script type="module" src="assets/app.js"></script>',
  );
  writeFileSync(join(root, 'assets/app.js'), script);
  server = createServer((req, res) => {
    void serveStatic(req, res, root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1))).then(
      (served) => {
        if (!served) res.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide the coding). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(`${origin}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('serveStatic', () => {
  it('sends text brotli- or gzip-compressed as accepted, else as is, with the same content', async () => {
    const br = await get('/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get('/assets/app.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a matching If-None-Match with 304, whichever representation the tag came from', async () => {
    const first = await get('/index.html', { 'accept-encoding': 'br' });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/index.html', { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
    const plainTag = String((await get('/index.html')).headers['etag']);
    expect((await get('/index.html', { 'accept-encoding': 'br', 'if-none-match': `W/${plainTag}` })).status).toBe(304);
    expect((await get('/index.html', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('serves a changed file with a new ETag (a new build in the same folder)', async () => {
    const before = String((await get('/index.html')).headers['etag']);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>new build</title>');
    utimesSync(join(root, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    const after = await get('/index.html', { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.body.toString()).toContain('new build');
    expect(after.headers['etag']).not.toBe(before);
  });

  it('refuses paths outside the folder and missing files', async () => {
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
  });
});

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.2, gzip;q=0.5', 'gzip'],
    ['identity', 'identity'],
  ])('%j -> %s', (header, coding) => {
    expect(negotiateEncoding(header)).toBe(coding);
  });
});
