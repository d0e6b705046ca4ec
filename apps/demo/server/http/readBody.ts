import type { IncomingMessage } from 'node:http';
import { HttpError } from './HttpError.js';

/** Largest request body the API accepts. @default 65536 (64 KB) */
export const MAX_BODY_BYTES = 64 * 1024;

// Past this, the client is not sending a note: stop reading and close the connection after the 413.
const DISCARD_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. An oversized body is read to its end and thrown away before the 413,
 * so that the client sees the answer instead of a reset connection.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = (headers: Record<string, string> = {}) =>
    new HttpError(413, `Request body is larger than ${limit} bytes`, headers);
  // Far too large to be worth reading: answer now and close, the rest of the upload is never read.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT_BYTES) throw tooLarge({ Connection: 'close' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DISCARD_LIMIT_BYTES) throw tooLarge({ Connection: 'close' });
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw tooLarge();
  return Buffer.concat(chunks, size);
}
