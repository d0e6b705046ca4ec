// The one static file server of the tests (types and docs in serveStatic.d.ts): 127.0.0.1, a free port, one MIME
// table, GET and HEAD, no path outside the root, a log of every request, and a hook for routes a test adds.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, isAbsolute, relative, resolve } from 'node:path';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
});

export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed %-escape
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const inside = relative(root, file);
  return inside.startsWith('..') || isAbsolute(inside) ? undefined : file;
}

async function isFile(file) {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

export async function serveStatic(root, options = {}) {
  const { onRequest, rewrite, index = 'index.html', fallback, headers, transform, port = 0 } = options;
  const base = resolve(root);
  const requests = [];

  async function handle(req, res, entry) {
    if (onRequest && (await onRequest(req, res, entry.path))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = rewrite ? rewrite(entry.path) : entry.path;
    let file = resolveInside(base, path.endsWith('/') ? `${path}${index}` : path);
    if (!file) {
      res.writeHead(403).end();
      return;
    }
    if (!(await isFile(file))) {
      file = fallback === undefined ? undefined : resolve(base, fallback);
      if (!file) {
        res.writeHead(404, { 'Content-Type': MIME_TYPES['.txt'] }).end('Not found\n');
        return;
      }
    }
    let body = await readFile(file);
    if (transform) body = Buffer.from(await transform(body, file));
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...headers?.(file),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    const entry = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://x').pathname,
      status: 0,
      at: Date.now(),
      headers: req.headers,
    };
    requests.push(entry);
    res.once('finish', () => {
      entry.status = res.statusCode;
    });
    handle(req, res, entry).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': MIME_TYPES['.txt'] });
      res.end(String(error));
    });
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    requests,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections();
      }),
  };
}
