// What a first visit downloads before the app can render: the entry chunk, every chunk it imports
// statically (recursively), and their CSS; plus, when the build serves route shells, the chunks the shell of `/`
// modulepreloads (a first visit of `/` downloads them at once). Other lazy routes and the SW registration are not in it.

/**
 * @param {Record<string, { file: string, isEntry?: boolean, imports?: string[], css?: string[] }>} manifest
 *   Vite's `.vite/manifest.json`.
 * @param {{ routes: { path: string, files: string[] }[] }} [routePreloads] the build's `route-preloads.json`,
 *   when it has route shells.
 * @returns {string[]} output files, relative to the build folder, sorted.
 */
export function initialLoadFiles(manifest, routePreloads) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error('The Vite manifest has no entry chunk (is build.manifest on?)');
  const files = new Set();
  const seen = new Set();
  const visit = (/** @type {string} */ key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The Vite manifest names a chunk it does not contain: ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  for (const file of routePreloads?.routes.find((route) => route.path === '/')?.files ?? []) files.add(file);
  return [...files].sort();
}
