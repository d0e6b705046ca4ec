import { HttpError } from '../http/HttpError.js';

/** Reads an optional integer query parameter within [min, max]; anything else is a 400 naming the parameter. */
export function integerParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new HttpError(400, `${name} must be an integer from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  }
  return Number(raw);
}

/** Parses an id path segment: a 400 when it is not an integer (range is the caller's 404). */
export function integerSegment(segment: string, what: string): number {
  if (!/^-?\d{1,16}$/.test(segment))
    throw new HttpError(400, `${what} must be an integer, got "${segment.slice(0, 40)}"`);
  return Number(segment);
}

/** Refuses any other method with 405 and the `Allow` header. */
export function allowMethods(method: string | undefined, allowed: readonly string[]): void {
  if (!method || !allowed.includes(method)) {
    throw new HttpError(405, `${method ?? 'This method'} is not allowed here; use ${allowed.join(' or ')}`, {
      Allow: allowed.join(', '),
    });
  }
}
