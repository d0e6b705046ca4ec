import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, serveStatic, type StaticServer } from './serveStatic.js';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-static-test-'));
  root = join(dir, 'www');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(join(root, 'assets/app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets/font.woff2'), 'x');
  await writeFile(join(root, 'assets/blob.bin'), 'x');
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A raw request, so that `..` reaches the server as typed (fetch would normalize it away). */
function get(
  server: StaticServer,
  path: string,
  method = 'GET',
): Promise<{ status: number; type: string | undefined; length: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          length: res.headers['content-length'],
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function withServer(
  options: Parameters<typeof serveStatic>[1],
  run: (server: StaticServer) => Promise<void>,
): Promise<void> {
  const server = await serveStatic(root, options);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

describe('resolveInside', () => {
  it('keeps paths inside the root and refuses the rest', () => {
    expect(resolveInside('/srv/www', '/assets/a%20b.js')).toBe('/srv/www/assets/a b.js');
    expect(resolveInside('/srv/www', '/a/../b.js')).toBe('/srv/www/b.js');
    const refused = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/%E0%A4%A',
      '/a%00.js',
    ];
    expect(refused.filter((path) => resolveInside('/srv/www', path) !== undefined)).toEqual([]);
    expect(resolveInside('/srv/www', '/../www-other/x')).toBeUndefined();
  });
});

describe('serveStatic', () => {
  it('serves files with their content type, / as index.html, HEAD without a body, and logs each request', async () => {
    await withServer({}, async (server) => {
      expect(await get(server, '/')).toMatchObject({
        status: 200,
        type: 'text/html; charset=utf-8',
        body: '<h1>home</h1>',
      });
      expect(await get(server, '/assets/app.js')).toMatchObject({
        status: 200,
        type: 'text/javascript; charset=utf-8',
      });
      expect((await get(server, '/assets/font.woff2')).type).toBe('font/woff2');
      expect((await get(server, '/assets/blob.bin')).type).toBe('application/octet-stream');
      expect(await get(server, '/assets/app.js', 'HEAD')).toEqual({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        length: '14',
        body: '',
      });
      expect((await get(server, '/assets/app.js', 'POST')).status).toBe(405);
      expect(server.requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['GET', '/', 200],
        ['GET', '/assets/app.js', 200],
        ['GET', '/assets/font.woff2', 200],
        ['GET', '/assets/blob.bin', 200],
        ['HEAD', '/assets/app.js', 200],
        ['POST', '/assets/app.js', 405],
      ]);
    });
  });

  it('refuses paths that leave the root, and answers 404 for a missing file or a folder', async () => {
    await withServer({}, async (server) => {
      // The URL parser folds `..` and `%2e%2e` segments at the root (so they ask for /secret.txt, which the root
      // does not have); an encoded slash gets through it and is refused.
      const paths = ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt'];
      const statuses = await Promise.all(paths.map(async (path) => [path, (await get(server, path)).status]));
      expect(statuses).toEqual([
        ['/../secret.txt', 404],
        ['/%2e%2e/secret.txt', 404],
        ['/..%2fsecret.txt', 403],
        ['/assets/..%2f..%2fsecret.txt', 403],
      ]);
      expect((await get(server, '/missing.js')).status).toBe(404);
      expect((await get(server, '/assets')).status).toBe(404);
    });
  });

  it('serves the fallback for a path with no file (single-page apps)', async () => {
    await withServer({ fallback: 'index.html' }, async (server) => {
      expect(await get(server, '/catalog/42')).toMatchObject({ status: 200, body: '<h1>home</h1>' });
      expect((await get(server, '/..%2fsecret.txt')).status).toBe(403);
    });
  });

  it('lets a hook answer first, rewrites paths, adds headers and transforms bodies', async () => {
    const options = {
      onRequest: (_req: unknown, res: import('node:http').ServerResponse, path: string) => {
        if (path !== '/api') return false;
        res.writeHead(204).end();
        return true;
      },
      rewrite: (path: string) => path.replace(/^\/v2/, ''),
      headers: (file: string) => (file.endsWith('.html') ? { 'Cache-Control': 'no-cache' } : {}),
      transform: (body: Buffer, file: string) =>
        file.endsWith('.html') ? body.toString().replace('home', 'start') : body,
    };
    await withServer(options, async (server) => {
      expect((await get(server, '/api')).status).toBe(204);
      expect(await get(server, '/v2/')).toMatchObject({ status: 200, body: '<h1>start</h1>', length: '14' });
      expect((await get(server, '/v2/assets/app.js')).body).toBe('console.log(1)');
      expect(server.requests.map((r) => [r.path, r.status])).toEqual([
        ['/api', 204],
        ['/v2/', 200],
        ['/v2/assets/app.js', 200],
      ]);
    });
  });

  it('comes back on the same port after close', async () => {
    const first = await serveStatic(root);
    await first.close();
    await withServer({ port: first.port }, async (server) => {
      expect(server.url).toBe(first.url);
      expect((await get(server, '/')).status).toBe(200);
    });
  });
});
