// Source maps in a tarball are only useful when what they point at ships too: otherwise debuggers and
// "go to definition" (declaration maps) lead nowhere, and some bundlers warn about missing sources.
import { posix } from 'node:path';

/**
 * @param {string[]} packedFiles paths in the tarball
 * @param {(file: string) => string} read reads a packed file's text
 * @returns {string[]} problems (at most one, with an example)
 */
export function checkSourceMaps(packedFiles, read) {
  const packed = new Set(packedFiles);
  const broken = [];
  for (const file of packedFiles.filter((path) => path.endsWith('.map'))) {
    let map;
    try {
      map = JSON.parse(read(file));
    } catch {
      broken.push({ file, source: '(not valid JSON)' });
      continue;
    }
    const sources = Array.isArray(map.sources) ? map.sources : [];
    sources.forEach((/** @type {string} */ source, /** @type {number} */ index) => {
      if (typeof map.sourcesContent?.[index] === 'string') return; // inlined: nothing to find
      const target = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source));
      if (!packed.has(target)) broken.push({ file, source: target });
    });
  }
  if (broken.length === 0) return [];
  const first = /** @type {{ file: string, source: string }} */ (broken[0]);
  return [
    `${broken.length} source map reference(s) point at files not in the tarball (e.g. ${first.file} -> ${first.source}): ` +
      'ship the sources ("files": ["dist", "src", "!src/**/*.test.*"]) or stop emitting maps ("sourceMap"/"declarationMap": false; "inlineSources" fixes .js.map only).',
  ];
}
