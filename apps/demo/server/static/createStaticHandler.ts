import { createReadStream, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpError } from '../http/HttpError.js';
import { negotiateEncoding } from '../http/negotiateEncoding.js';
import { etagMatches } from '../http/sendJson.js';
import { cacheControlFor } from './cacheControlFor.js';
import { contentTypeOf, isCompressible } from './contentTypes.js';
import { createFileCache, type FileCache } from './createFileCache.js';
import { resolveStaticPath } from './resolveStaticPath.js';
import { routeShells } from './routeShells.js';

// Larger files are streamed as they are, not held in memory.
const MAX_CACHED_FILE_BYTES = 16 * 1024 * 1024;

/** Serves a built site; the folder can be switched while running (a deploy). */
export interface StaticHandler {
  (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Serves `directory` from the next request on. */
  setRoot(directory: string): void;
  /** Compresses every file of the current root in the background, one at a time, so first visits are fast too. */
  warm(): Promise<void>;
}

// One cache per process, keyed by path, mtime and size: servers restarted in the same process (tests, a
// restart after a crash) reuse the brotli work instead of compressing the whole build again.
const sharedCache = createFileCache();

/** Creates the static file handler for the built app in `initialRoot`. */
export function createStaticHandler(initialRoot: string, cache: FileCache = sharedCache): StaticHandler {
  let currentRoot = resolve(initialRoot);

  // The build's route-preloads.json, parsed once per version of the file (a deploy swaps the root or rewrites it).
  let shells: { etag: string; shellFor: (pathname: string) => string | undefined } | undefined;

  /**
   * The app shell for a navigation to `pathname`: the build's copy of index.html that also preloads the chunks of
   * the route rendering it, when there is one, else index.html itself.
   */
  async function appShell(root: string, pathname: string) {
    const index = join(root, 'index.html');
    const listPath = join(root, 'route-preloads.json');
    const listStats = await statFile(listPath);
    if (listStats) {
      const list = await cache.get(listPath, listStats);
      if (shells?.etag !== list.etag)
        shells = { etag: list.etag, shellFor: routeShells(list.identity.toString('utf8')) };
      const shell = shells.shellFor(pathname);
      const shellPath = shell === undefined ? undefined : resolveStaticPath(root, `/${shell}`);
      const shellStats = shellPath === undefined ? undefined : await statFile(shellPath);
      if (shellPath && shellStats) return { path: shellPath, stats: shellStats, urlPath: '/index.html' };
    }
    const stats = await statFile(index);
    return stats ? { path: index, stats, urlPath: '/index.html' } : undefined;
  }

  async function findFile(url: URL, req: IncomingMessage) {
    const root = currentRoot;
    const path = resolveStaticPath(root, url.pathname);
    if (path !== undefined) {
      const direct = await statFile(path);
      if (direct) return { path, stats: direct, urlPath: decodeURIComponent(url.pathname) };
      if (path === root) return appShell(root, url.pathname);
      const index = join(path, 'index.html');
      const directoryIndex = await statFile(index);
      if (directoryIndex)
        return { path: index, stats: directoryIndex, urlPath: `${url.pathname.replace(/\/$/, '')}/index.html` };
    }
    // SPA fallback: a navigation to a client route (no extension, wants HTML) gets the app shell.
    const accept = req.headers.accept ?? '';
    if (extname(url.pathname) === '' && accept.includes('text/html')) return appShell(root, url.pathname);
    return undefined;
  }

  const handler = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, `${req.method ?? 'This method'} is not allowed here`, { Allow: 'GET, HEAD' });
    }
    const found = await findFile(url, req);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
      return;
    }
    const { path, stats, urlPath } = found;
    const contentType = contentTypeOf(path);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', cacheControlFor(urlPath));
    res.setHeader('Last-Modified', stats.mtime.toUTCString());

    if (stats.size > MAX_CACHED_FILE_BYTES) {
      await streamLargeFile(req, res, path, stats);
      return;
    }
    const file = await cache.get(path, stats);
    const compressible = isCompressible(contentType);
    if (compressible) res.setHeader('Vary', 'Accept-Encoding');
    const coding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
    // One tag per representation (RFC 9110 §8.8.3.3); If-None-Match accepts any of them, the content is the same.
    const etag = coding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}-${coding}"`;
    res.setHeader('ETag', etag);
    const ifNoneMatch = req.headers['if-none-match'];
    const baseTags = ifNoneMatch?.replace(/-(br|gzip)"/g, '"');
    const notModified =
      ifNoneMatch !== undefined
        ? etagMatches(baseTags, file.etag)
        : isNotModifiedSince(req.headers['if-modified-since'], stats.mtime);
    if (notModified) {
      res.writeHead(304).end();
      return;
    }
    let body = await file.encoded(coding);
    // Tiny files can grow when compressed; then the original is the better answer.
    if (coding !== 'identity' && body.length >= file.identity.length) {
      body = file.identity;
      res.setHeader('ETag', file.etag);
    } else if (coding !== 'identity') {
      res.setHeader('Content-Encoding', coding);
    }
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return Object.assign(handler, {
    setRoot(directory: string) {
      currentRoot = resolve(directory);
    },
    async warm() {
      const root = currentRoot;
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        if (
          relative(root, path)
            .split(sep)
            .some((segment) => segment.startsWith('.'))
        )
          continue;
        if (!isCompressible(contentTypeOf(path))) continue;
        const stats = await statFile(path);
        if (!stats || stats.size > MAX_CACHED_FILE_BYTES) continue;
        const file = await cache.get(path, stats);
        await file.encoded('br');
        await file.encoded('gzip');
      }
    },
  });
}

function isNotModifiedSince(header: string | undefined, mtime: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  // HTTP dates have whole seconds; the file's mtime has milliseconds.
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

async function streamLargeFile(req: IncomingMessage, res: ServerResponse, path: string, stats: Stats) {
  res.setHeader('Content-Length', stats.size);
  res.writeHead(200);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(path), res);
}

async function statFile(path: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}
