// What a first visit downloads before the app can render: the entry chunk, every chunk it imports
// statically (recursively), and their CSS. Dynamic imports (lazy routes, the SW registration) are not in it.

/**
 * @param {Record<string, { file: string, isEntry?: boolean, imports?: string[], css?: string[] }>} manifest
 *   Vite's `.vite/manifest.json`.
 * @returns {string[]} output files, relative to the build folder, sorted.
 */
export function initialLoadFiles(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error('The Vite manifest has no entry chunk (is build.manifest on?)');
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The Vite manifest names a chunk it does not contain: ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return [...files].sort();
}
