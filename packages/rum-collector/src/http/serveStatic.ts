import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { negotiateEncoding, type ContentCoding } from './negotiateEncoding.js';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** One file of the dashboard build, with its validator and compressed forms, made once per version of the file. */
interface PreparedFile {
  version: string;
  etag: string;
  bodies: Partial<Record<ContentCoding, Buffer>>;
}

// The dashboard is a handful of small files: keeping them and their compressed forms in memory costs < 1 MB.
const prepared = new Map<string, Promise<PreparedFile>>();

async function prepare(path: string, version: string): Promise<PreparedFile> {
  const identity = await readFile(path);
  const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
  if (!COMPRESSIBLE.has(extname(path))) return { version, etag, bodies: { identity } };
  const [br, gz] = await Promise.all([
    brotliAsync(identity, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
    gzipAsync(identity, { level: 9 }),
  ]);
  // A tiny file can grow when compressed: then only the original is offered.
  return {
    version,
    etag,
    bodies: {
      identity,
      ...(br.length < identity.length ? { br } : {}),
      ...(gz.length < identity.length ? { gzip: gz } : {}),
    },
  };
}

/**
 * Serves one file of a built folder; refuses paths escaping it. Returns false when the file does not exist.
 * Text is sent brotli- or gzip-compressed as the client accepts, every answer carries a strong ETag, and a
 * matching If-None-Match gets 304 (the dashboard's index.html is revalidated on every visit).
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  relative: string,
): Promise<boolean> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const stats = await stat(path).catch(() => undefined);
  if (!stats?.isFile()) return false;
  const version = `${stats.mtimeMs}:${stats.size}`;
  let pending = prepared.get(path);
  if (!pending || (await pending.catch(() => undefined))?.version !== version) {
    pending = prepare(path, version);
    prepared.set(path, pending);
    pending.catch(() => prepared.delete(path));
  }
  let file: PreparedFile;
  try {
    file = await pending;
  } catch {
    return false; // removed between stat and read
  }

  const ext = extname(path);
  const wanted = negotiateEncoding(req.headers['accept-encoding']);
  const coding: ContentCoding = file.bodies[wanted] ? wanted : 'identity';
  // One validator per representation (RFC 9110 §8.8.3); If-None-Match matches any of them.
  const etag = coding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}-${coding}"`;
  res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Hashed asset names may be cached forever; index.html must be revalidated to pick up new builds.
  res.setHeader('Cache-Control', relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('ETag', etag);
  if (COMPRESSIBLE.has(ext)) res.setHeader('Vary', 'Accept-Encoding');
  if (ext === '.html') {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'",
    );
  }
  if (matches(req.headers['if-none-match'], file.etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  const body = file.bodies[coding]!;
  res.statusCode = 200;
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2) against any representation of the file, or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const base = etag.slice(1, -1);
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || tag.replace(/-(br|gzip)"$/, '"') === `"${base}"`;
  });
}
