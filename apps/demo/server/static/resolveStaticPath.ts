import { resolve, sep } from 'node:path';
import { HttpError } from '../http/HttpError.js';

/**
 * Maps a URL pathname (still percent-encoded) to a file inside `root`. Refuses what could leave the root
 * (`..` smuggled as `%2e%2e%2f` or `..%5c`, NUL bytes) with 403, and returns `undefined` for hidden
 * segments (`/.vite/manifest.json`): build metadata is not part of the site.
 */
export function resolveStaticPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'Malformed URL encoding');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(403, 'Forbidden path');
  const segments = decoded.split('/');
  if (segments.includes('..')) throw new HttpError(403, 'Forbidden path');
  if (segments.some((segment) => segment.startsWith('.') && segment !== '.well-known')) return undefined;
  const file = resolve(root, `.${decoded}`);
  // Belt and braces: whatever the checks above missed, nothing outside the root is served.
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(403, 'Forbidden path');
  return file;
}
