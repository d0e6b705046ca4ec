import type { IncomingMessage } from 'node:http';

/** Body read outcome: the bytes, or `tooLarge` once more than `limit` bytes arrived. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused before reading,
 * and a chunked body stops being buffered as soon as it passes the limit.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return { ok: false, tooLarge: true };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      return { ok: false, tooLarge: true };
    }
    chunks.push(chunk);
  }
  return { ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) };
}
