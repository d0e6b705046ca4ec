#!/usr/bin/env node
// `npm run test:size`: checks every budget in .size-limit.json with size-limit, proves that the demo's
// "initial load" budget covers exactly what Vite's manifest says the first visit downloads, prints a size
// table per chunk (raw, gzip, brotli) and writes it to reports/size/. Exits 1 with the reason on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { initialLoadFiles } from './initial-load.mjs';

const cwd = resolve((process.argv.includes('--cwd') && process.argv[process.argv.indexOf('--cwd') + 1]) || '.');
const demoDist = join(cwd, 'apps/demo/dist');
const reportDir = join(cwd, 'reports/size');
/** @type {string[]} */
const problems = [];

const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;
/**
 * @template {string} K
 * @param {Record<K, number>[]} rows
 * @param {K} key
 */
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);

function runSizeLimit() {
  const bin = fileURLToPath(new URL('../node_modules/size-limit/bin.js', import.meta.url));
  try {
    return JSON.parse(
      execFileSync(process.execPath, [bin, '--json'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  } catch (caught) {
    const error = /** @type {Error & { stdout?: Buffer | string, stderr?: Buffer | string }} */ (caught);
    // size-limit exits 1 when a budget is exceeded but still prints its JSON; anything else is a real error.
    const output = error.stdout?.toString() ?? '';
    if (output.trim().startsWith('[')) return JSON.parse(output);
    throw new Error(`size-limit failed: ${error.stderr?.toString() || error.message}`, { cause: caught });
  }
}

/** The route shells' preloads (`route-preloads.json`), when the build has them. */
function readRoutePreloads() {
  const path = join(demoDist, 'route-preloads.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/**
 * The demo's initial-load budget must list exactly the files of the first visit.
 * @param {{ name?: string, path: string | string[] }[]} config the entries of .size-limit.json
 */
function checkInitialLoadCoverage(config) {
  const manifestPath = join(demoDist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) return;
  const check = config.find((entry) => /initial load/i.test(entry.name ?? ''));
  if (!check) return problems.push('.size-limit.json has no "initial load" budget for the demo.');
  const expected = initialLoadFiles(JSON.parse(readFileSync(manifestPath, 'utf8')), readRoutePreloads());
  const patterns = [check.path].flat().map(
    (pattern) =>
      new RegExp(
        `^${pattern
          .replace(/^apps\/demo\/dist\//, '')
          .replace(/\./g, '\\.')
          .replace(/\*/g, '[^/]*')}$`,
      ),
  );
  const covered = (/** @type {string} */ file) => patterns.some((pattern) => pattern.test(file));
  const assets = readdirSync(join(demoDist, 'assets')).map((file) => `assets/${file}`);
  const missing = expected.filter((file) => !covered(file));
  const extra = assets.filter((file) => covered(file) && !expected.includes(file));
  if (missing.length)
    problems.push(`The initial-load budget misses files the first visit loads: ${missing.join(', ')}`);
  if (extra.length)
    problems.push(`The initial-load budget counts files the first visit does not load: ${extra.join(', ')}`);
}

function chunkTable() {
  if (!existsSync(join(demoDist, 'assets'))) return [];
  const manifestPath = join(demoDist, '.vite/manifest.json');
  const initial = new Set(
    existsSync(manifestPath)
      ? initialLoadFiles(JSON.parse(readFileSync(manifestPath, 'utf8')), readRoutePreloads())
      : [],
  );
  return readdirSync(join(demoDist, 'assets'))
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const content = readFileSync(join(demoDist, 'assets', file));
      return {
        file: `assets/${file}`,
        initial: initial.has(`assets/${file}`),
        raw: content.length,
        gzip: gzipSync(content, { level: 9 }).length,
        brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.brotli - a.brotli);
}

const config = JSON.parse(readFileSync(join(cwd, '.size-limit.json'), 'utf8'));
const results = runSizeLimit();
checkInitialLoadCoverage(config);

console.log('Budgets (.size-limit.json, brotli unless the entry says otherwise):');
for (const result of results) {
  const mark = result.passed ? 'ok  ' : 'FAIL';
  console.log(`  ${mark} ${result.name.padEnd(58)} ${kB(result.size).padStart(10)} / ${kB(result.sizeLimit)}`);
  if (!result.passed) {
    problems.push(
      `"${result.name}" is ${kB(result.size)}, over its ${kB(result.sizeLimit)} budget by ${kB(result.size - result.sizeLimit)}.`,
    );
  }
}

const chunks = chunkTable();
if (chunks.length) {
  console.log('\nDemo chunks (initial = loaded by the first visit):');
  console.log(
    `  ${'file'.padEnd(44)} ${'initial'.padEnd(8)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`,
  );
  for (const chunk of chunks) {
    console.log(
      `  ${chunk.file.padEnd(44)} ${(chunk.initial ? 'yes' : '').padEnd(8)} ${kB(chunk.raw).padStart(10)} ${kB(chunk.gzip).padStart(10)} ${kB(chunk.brotli).padStart(10)}`,
    );
  }
  const initial = chunks.filter((chunk) => chunk.initial);
  console.log(
    `  initial load: ${kB(sum(initial, 'brotli'))} brotli, ${kB(sum(initial, 'gzip'))} gzip, ${kB(sum(initial, 'raw'))} raw`,
  );
  console.log(
    `  all JS + CSS: ${kB(sum(chunks, 'brotli'))} brotli, ${kB(sum(chunks, 'gzip'))} gzip, ${kB(sum(chunks, 'raw'))} raw`,
  );
}

mkdirSync(reportDir, { recursive: true });
writeFileSync(join(reportDir, 'sizes.json'), `${JSON.stringify({ budgets: results, chunks, problems }, null, 2)}\n`);

if (problems.length) {
  console.error(`\nSize budget check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll size budgets pass.');
