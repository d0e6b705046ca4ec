// What a consumer pays per import: each runtime export of each browser entry point, bundled from the installed
// package the way an app bundler would (esbuild, minified, tree-shaken, React external), then brotli'd and gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { init, parse } from 'es-module-lexer';

/** React is the app's own cost, shared by everything; it is never counted against a package. */
const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];

/**
 * The JavaScript file a package's `exports` entry points at (its "default" condition).
 * @param {unknown} exportsValue
 * @returns {string | undefined}
 */
function entryFile(exportsValue) {
  if (typeof exportsValue === 'string') return exportsValue;
  if (exportsValue && typeof exportsValue === 'object') {
    const conditions = /** @type {{ import?: string, default?: string }} */ (exportsValue);
    return conditions.import ?? conditions.default;
  }
  return undefined;
}

/**
 * Minified, gzip and brotli bytes of `code` bundled against the app's node_modules.
 * @param {string} appDir
 * @param {string} code
 */
async function bundleSize(appDir, code) {
  const result = await build({
    stdin: { contents: code, resolveDir: appDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external: EXTERNAL,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles?.[0]?.contents;
  if (!bytes) throw new Error('esbuild wrote no output.');
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Measures every runtime export of every browser entry point of the given installed packages.
 * Entry points that need Node (they import node: builtins, like a Vite plugin or the collector) are listed as
 * server-only instead.
 * @param {string} appDir an app whose node_modules holds the packages
 * @param {string[]} packageNames
 * @returns {Promise<{ specifier: string, name: string, raw?: number, gzip?: number, brotli?: number, serverOnly?: boolean }[]>}
 */
export async function measureImports(appDir, packageNames) {
  await init;
  const rows = [];
  for (const packageName of packageNames) {
    const packageDir = join(appDir, 'node_modules', packageName);
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    for (const [subpath, value] of Object.entries(manifest.exports ?? { '.': manifest.main })) {
      const file = entryFile(value);
      if (!file || !/\.m?js$/.test(file)) continue; // types-only or package.json entries
      const specifier = subpath === '.' ? packageName : `${packageName}/${subpath.slice(2)}`;
      const [, exported] = parse(readFileSync(join(packageDir, file), 'utf8'));
      const names = exported.map((entry) => entry.n).filter((name) => name !== 'default');
      try {
        rows.push({
          specifier,
          name: '* (whole entry)',
          ...(await bundleSize(appDir, `export * from '${specifier}';`)),
        });
      } catch {
        rows.push({ specifier, name: '*', serverOnly: true });
        continue;
      }
      for (const name of names) {
        rows.push({ specifier, name, ...(await bundleSize(appDir, `export { ${name} } from '${specifier}';`)) });
      }
    }
  }
  return rows;
}

const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/**
 * A fixed-width table of {@link measureImports} rows, in kB (1,000 bytes).
 * @param {Awaited<ReturnType<typeof measureImports>>} rows
 */
export function formatImportSizes(rows) {
  const lines = [`${'import'.padEnd(52)} ${'brotli'.padStart(9)} ${'gzip'.padStart(9)} ${'minified'.padStart(9)}`];
  for (const row of rows) {
    const label = `${row.name.startsWith('*') ? row.name : `{ ${row.name} }`} from '${row.specifier}'`;
    lines.push(
      row.serverOnly
        ? `${label.padEnd(52)} ${'server/build-time only (imports node: builtins)'}`
        : `${label.padEnd(52)} ${kB(row.brotli ?? 0).padStart(9)} ${kB(row.gzip ?? 0).padStart(9)} ${kB(row.raw ?? 0).padStart(9)}`,
    );
  }
  return lines.join('\n');
}
