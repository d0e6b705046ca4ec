import { dirname } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './http/securityHeaders.js';
import { rawRequest } from './test-support/rawRequest.js';
import { APP_SCRIPT, FAKE_DIST, startTestServer, writeFiles, type TestServer } from './test-support/startTestServer.js';

let test: TestServer;
let url: string;
const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
});
afterAll(() => test.stop());

describe('static files', () => {
  it.each([
    ['/', 'no-cache', 'text/html; charset=utf-8'],
    ['/index.html', 'no-cache', 'text/html; charset=utf-8'],
    ['/offline.html', 'no-cache', 'text/html; charset=utf-8'],
    ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json; charset=utf-8'],
    ['/assets/index-abc123.js', 'public, max-age=31536000, immutable', 'text/javascript; charset=utf-8'],
    ['/assets/index-def456.css', 'public, max-age=31536000, immutable', 'text/css; charset=utf-8'],
    ['/favicon.svg', 'public, max-age=3600', 'image/svg+xml'],
    ['/robots.txt', 'public, max-age=3600', 'text/plain; charset=utf-8'],
  ])('%s: Cache-Control %s, %s, security headers', async (path, cacheControl, contentType) => {
    const response = await rawRequest(url, path);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe(cacheControl);
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('has a strict CSP: no inline script or style allowed', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('serves %s that decodes to the original, with Vary', async (coding, decode) => {
    const response = await rawRequest(url, '/assets/index-abc123.js', { headers: { 'Accept-Encoding': `${coding}` } });
    expect(response.headers['content-encoding']).toBe(coding);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.body.length).toBeLessThan(APP_SCRIPT.length);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(decode(response.body).toString('utf8')).toBe(APP_SCRIPT);
  });

  it('prefers brotli, honours q=0, and sends identity when nothing is accepted', async () => {
    const both = await rawRequest(url, '/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(both.headers['content-encoding']).toBe('br');
    const noBr = await rawRequest(url, '/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    const plain = await rawRequest(url, '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(APP_SCRIPT);
  });

  it('answers 304 to If-None-Match (any encoding of the file) and If-Modified-Since', async () => {
    const first = await rawRequest(url, '/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'br' } });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+-br"$/);
    const same = await rawRequest(url, '/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag },
    });
    expect(same.status).toBe(304);
    expect(same.body.length).toBe(0);
    expect(same.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const other = await rawRequest(url, '/assets/index-abc123.js', { headers: { 'If-None-Match': etag } });
    expect(other.status).toBe(304);
    const changed = await rawRequest(url, '/assets/index-abc123.js', { headers: { 'If-None-Match': '"nope"' } });
    expect(changed.status).toBe(200);
    const since = await rawRequest(url, '/index.html', {
      headers: { 'If-Modified-Since': first.headers['last-modified'] as string },
    });
    expect(since.status).toBe(304);
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await rawRequest(url, '/assets/index-abc123.js', {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('answers a navigation with the shell of its route (index.html plus its modulepreloads) when the build has one', async () => {
    const item = await rawRequest(url, '/items/42', { headers: html });
    expect(item.status).toBe(200);
    expect(item.headers['cache-control']).toBe('no-cache');
    expect(item.body.toString('utf8')).toBe(FAKE_DIST['shells/route-1.html']);
    // No shell for "/" in this build: index.html itself.
    expect((await rawRequest(url, '/', { headers: html })).body.toString('utf8')).toBe(FAKE_DIST['index.html']);
  });

  it('falls back to index.html for client routes that want HTML, and 404s the rest', async () => {
    const deep = await rawRequest(url, '/catalog/deep/link', { headers: html });
    expect(deep.status).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(deep.body.toString('utf8')).toBe(FAKE_DIST['index.html']);
    expect((await rawRequest(url, '/items/42', { headers: { Accept: 'application/json' } })).status).toBe(404);
    expect((await rawRequest(url, '/assets/missing-123.js', { headers: html })).status).toBe(404);
    expect((await rawRequest(url, '/nothing.png')).status).toBe(404);
    // Build metadata is not part of the site.
    expect((await rawRequest(url, '/.vite/manifest.json')).status).toBe(404);
  });

  it.each([
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/../secret.txt',
    '/secret.txt%00.js',
  ])('refuses path traversal %s', async (path) => {
    // A real file next to the build: what an attacker would be after.
    await writeFiles(dirname(test.distDir), { 'secret.txt': 'TOP SECRET' });
    const response = await rawRequest(url, path);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body.toString('utf8')).not.toContain('TOP SECRET');
  });

  it('refuses /../ outside the root and malformed encodings', async () => {
    expect((await rawRequest(url, '/../../etc/passwd')).status).toBe(404);
    expect((await rawRequest(url, '/..%2fetc%2fpasswd')).status).toBe(403);
    expect((await rawRequest(url, '/%E0%A4%A')).status).toBe(400);
  });

  it('accepts absolute-form request targets and keeps //host paths on this server', async () => {
    const absolute = await rawRequest(url, `${url}robots.txt`);
    expect(absolute.status).toBe(200);
    expect(absolute.body.toString('utf8')).toBe(FAKE_DIST['robots.txt']);
    expect((await rawRequest(url, '//evil.example/robots.txt')).status).toBe(404);
  });

  it('answers other methods with 405', async () => {
    const post = await rawRequest(url, '/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('switches to a new build with setDistDir', async () => {
    const next = await writeFiles(`${test.distDir}-next`, { ...FAKE_DIST, 'index.html': '<!doctype html>v2' });
    test.server.setDistDir(next);
    try {
      expect((await rawRequest(url, '/')).body.toString('utf8')).toBe('<!doctype html>v2');
    } finally {
      test.server.setDistDir(test.distDir);
    }
    expect((await rawRequest(url, '/')).body.toString('utf8')).toBe(FAKE_DIST['index.html']);
  });
});
