/** One route of the build's route-preloads.json (written by the routePreloads Vite plugin in build/routePreloads.ts). */
interface RouteShell {
  path: string;
  shell: string;
}

/**
 * Turns route-preloads.json into a lookup: URL path -> the build-relative app shell for it (index.html plus
 * modulepreload links for the lazy route rendering that URL), or undefined when no route matches. Malformed content
 * yields no shells rather than an error: the plain index.html serves every route, only later.
 */
export function routeShells(json: string): (pathname: string) => string | undefined {
  let routes: { pattern: RegExp; shell: string }[] = [];
  try {
    const parsed = JSON.parse(json) as { routes?: RouteShell[] };
    routes = (parsed.routes ?? [])
      // A shell must be a plain file inside the build: no absolute path, no climbing out.
      .filter(
        (route) =>
          typeof route.path === 'string' &&
          typeof route.shell === 'string' &&
          /^[\w-]+(?:\/[\w-]+)*\.html$/.test(route.shell),
      )
      .map((route) => ({ pattern: toPattern(route.path), shell: route.shell }));
  } catch {
    routes = [];
  }
  return (pathname) => routes.find((route) => route.pattern.test(pathname))?.shell;
}

/** `/items/:id` -> /^\/items\/[^/]+\/?$/ (one segment per parameter, optional trailing slash). */
function toPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source === '' ? '/' : source.replace(/\/$/, '')}/?$`);
}
