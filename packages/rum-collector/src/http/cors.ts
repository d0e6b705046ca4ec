import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Applies the allowed-origins policy. Returns false when the request carries an Origin that is not allowed.
 * Without a list every origin may post (sendBeacon's text/plain needs no CORS) and no CORS header is sent.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[] | undefined,
): boolean {
  const origin = req.headers.origin;
  if (!allowedOrigins || origin === undefined) return true;
  if (!allowedOrigins.includes(origin) && !allowedOrigins.includes('*')) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  // fetch(keepalive, credentials: 'include') needs this; cookies are never read by the collector.
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  return true;
}

/** Answers a CORS preflight for the collect endpoint. */
export function answerPreflight(res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  res.setHeader('Access-Control-Max-Age', '86400');
  res.end();
}
