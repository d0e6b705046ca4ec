/** Cache-Control of hashed build output: the name changes whenever the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of files that must be revalidated on every use (the app's entry points). */
export const NO_CACHE = 'no-cache';
/** Cache-Control of other public files: icons, robots.txt. */
export const SHORT_LIVED = 'public, max-age=3600';

// Their names never change, so a cached copy would pin users to an old deploy (and an old service worker).
const ENTRY_POINTS = new Set(['/index.html', '/sw.js', '/manifest.webmanifest']);

/** The Cache-Control of a static file, from its URL path. */
export function cacheControlFor(urlPath: string): string {
  if (urlPath.endsWith('.html') || ENTRY_POINTS.has(urlPath)) return NO_CACHE;
  if (urlPath.startsWith('/assets/')) return IMMUTABLE;
  return SHORT_LIVED;
}
