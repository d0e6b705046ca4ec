import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { negotiateEncoding } from './negotiateEncoding.js';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Below this, compression headers and CPU cost more than they save.
const MIN_COMPRESS_BYTES = 1024;

/** Options of one JSON response. */
export interface SendJsonOptions {
  /** @default 'no-store' for errors and writes; reads pass 'no-cache' and get an ETag. */
  cacheControl?: string;
  /** Extra headers, e.g. `Idempotency-Replayed`. @default {} */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Sends a JSON body, compressed when the client accepts it. Successful GETs carry an ETag and answer a matching
 * If-None-Match with 304, so the service worker's revalidation of an unchanged page costs no body.
 */
export async function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  { cacheControl = 'no-store', headers = {} }: SendJsonOptions = {},
): Promise<void> {
  const json = Buffer.from(JSON.stringify(body));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

  const cacheable = (req.method === 'GET' || req.method === 'HEAD') && status === 200;
  if (cacheable) {
    const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
    res.setHeader('ETag', etag);
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304).end();
      return;
    }
  }

  let payload = json;
  const coding = json.length >= MIN_COMPRESS_BYTES ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
  // Dynamic responses trade a little size for speed: brotli 5 is near gzip's speed and still smaller.
  if (coding === 'br') payload = await brotliAsync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
  else if (coding === 'gzip') payload = await gzipAsync(json, { level: 6 });
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', payload.length);
  res.writeHead(status);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** Sends `{ error }` with the status; errors are never cached. */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<void> {
  return sendJson(req, res, status, { error: message }, { headers });
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored and `*` matches anything. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = strip(etag);
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = strip(tag);
    return candidate === '*' || candidate === wanted;
  });
}

function strip(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}
