import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';

// Runs the real budget script on a fixture build, so we know `npm test` fails when the bundle grows.
const script = new URL('./size-budget.mjs', import.meta.url).pathname;
/** @type {string[]} */
const dirs = [];

/** @param {{ limit: string, initialPaths: string[] }} options */
function fixture({ limit, initialPaths }) {
  const dir = mkdtempSync(join(tmpdir(), 'pronto-size-'));
  dirs.push(dir);
  const assets = join(dir, 'apps/demo/dist/assets');
  mkdirSync(join(dir, 'apps/demo/dist/.vite'), { recursive: true });
  mkdirSync(assets, { recursive: true });
  // Random bytes do not compress: the brotli size is close to the raw size.
  writeFileSync(join(assets, 'entry-abc.js'), randomBytes(30_000).toString('base64'));
  writeFileSync(join(assets, 'react-vendor-def.js'), 'export const react = 1;');
  writeFileSync(join(assets, 'Lazy-xyz.js'), 'export const lazy = 1;');
  writeFileSync(
    join(dir, 'apps/demo/dist/.vite/manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/entry-abc.js', isEntry: true, imports: ['_r.js'], dynamicImports: ['l.tsx'] },
      '_r.js': { file: 'assets/react-vendor-def.js' },
      'l.tsx': { file: 'assets/Lazy-xyz.js' },
    }),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, devDependencies: { '@size-limit/file': '*' } }),
  );
  writeFileSync(
    join(dir, '.size-limit.json'),
    JSON.stringify([{ name: 'demo: initial load', path: initialPaths, limit }]),
  );
  return dir;
}

/** @param {string} dir */
function run(dir) {
  try {
    return {
      code: 0,
      output: execFileSync(process.execPath, [script, '--cwd', dir], { encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (caught) {
    const error = /** @type {{ status: number, stdout: string, stderr: string }} */ (caught);
    return { code: error.status, output: `${error.stdout}${error.stderr}` };
  }
}

afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const initialPaths = ['apps/demo/dist/assets/entry-*.js', 'apps/demo/dist/assets/react-vendor-*.js'];

test('a build within budget passes', () => {
  const { code, output } = run(fixture({ limit: '100 kB', initialPaths }));
  expect(output).toContain('All size budgets pass.');
  expect(code).toBe(0);
});

test('an over-budget build exits 1 and says which budget and by how much', () => {
  const { code, output } = run(fixture({ limit: '10 kB', initialPaths }));
  expect(code).toBe(1);
  expect(output).toMatch(/"demo: initial load" is [\d.]+ kB, over its 10\.00 kB budget by [\d.]+ kB/);
});

test('a budget that forgets a file of the first visit fails', () => {
  const { code, output } = run(fixture({ limit: '100 kB', initialPaths: ['apps/demo/dist/assets/entry-*.js'] }));
  expect(code).toBe(1);
  expect(output).toContain('misses files the first visit loads: assets/react-vendor-def.js');
});

test('a budget that counts a lazy chunk as initial fails', () => {
  const { code, output } = run(
    fixture({ limit: '100 kB', initialPaths: [...initialPaths, 'apps/demo/dist/assets/Lazy-*.js'] }),
  );
  expect(code).toBe(1);
  expect(output).toContain('counts files the first visit does not load: assets/Lazy-xyz.js');
});
