// Measures what each entry adds to an app, minified by esbuild and brotli-compressed (quality 11),
// with and without web-vitals, so "own code" is the difference. Run after `npm run build`.
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function size(contents, external = []) {
  const out = await build({
    stdin: { contents, resolveDir: pkg, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime', ...external],
    logLevel: 'silent',
  });
  return brotli(out.outputFiles[0].contents);
}

const rows = [
  ['web-vitals (standard build) alone', `export { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';`],
  // What an app writes by hand from the web-vitals README: queue, sendBeacon at hide, nothing else
  // (no retry, no outbox, no splitting, no consent, no route templating).
  [
    'baseline: web-vitals + hand-written sendBeacon reporter',
    `import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
     const q = new Set();
     const add = (m) => q.add(m);
     const flush = () => { if (q.size) { navigator.sendBeacon('/rum/collect', JSON.stringify([...q])); q.clear(); } };
     addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
     addEventListener('pagehide', flush);
     for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) on(add);`,
  ],
  ['@pronto/rum { createRum } incl. web-vitals', `export { createRum } from './dist/index.js';`],
  [
    '@pronto/rum { createRum } own code (web-vitals external)',
    `export { createRum } from './dist/index.js';`,
    ['web-vitals'],
  ],
  ['web-vitals/attribution alone', `export { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals/attribution';`],
  ['@pronto/rum/attribution { createRum } incl. web-vitals', `export { createRum } from './dist/attribution.js';`],
  ['@pronto/rum/react { RumProvider, useRum }', `export { RumProvider, useRum } from './dist/react.js';`],
  [
    '@pronto/rum/sw { handleRumSync, replayRumOutbox, routeRumToNetwork }',
    `export { handleRumSync, replayRumOutbox, routeRumToNetwork } from './dist/sw.js';`,
  ],
];
const base = await size(rows[0][1]);
console.log('brotli q11, esbuild --minify, react external\n');
for (const [name, code, external] of rows) {
  const bytes = await size(code, external);
  console.log(`${String(bytes).padStart(6)} B  ${(bytes / base).toFixed(2)}x web-vitals  ${name}`);
}
