import { validateBeacon, type ValidationResult } from './validateBeacon.js';

/** Why a beacon was refused; also the `reason` label of the rejects counter. */
export type RejectReason =
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'too_large'
  | 'invalid_json'
  | 'invalid_beacon'
  | 'rate_limited'
  | 'origin_not_allowed'
  | 'storage_error';

/** Outcome of turning a request body into a beacon. */
export type ParseResult =
  (Extract<ValidationResult, { ok: true }> & { json?: string }) | { ok: false; error: string; reason?: RejectReason };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes (strict UTF-8), parses and validates one beacon body. Never throws: hostile bytes become an error.
 */
export function parseBeacon(body: Uint8Array): ParseResult & { reason?: RejectReason } {
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    return { ok: false, error: 'body is not valid UTF-8', reason: 'invalid_json' };
  }
  // PostgreSQL text cannot hold NUL, and no real route or selector contains one: refuse it up front.
  if (text.includes('\\u0000'))
    return { ok: false, error: 'NUL characters (\\u0000) are not allowed', reason: 'invalid_beacon' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `body is not JSON: ${(error as Error).message.slice(0, 120)}`, reason: 'invalid_json' };
  }
  const result = validateBeacon(value);
  return result.ok ? { ...result, json: text } : { ...result, reason: 'invalid_beacon' };
}
