import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { importPeer } from './importPeer.js';

const run = promisify(execFile);
const dist = new URL('../../dist/', import.meta.url);
const withoutDuckDB = fileURLToPath(new URL('../test-utils/withoutDuckDB.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rum-peer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module script in a fresh Node process (the compiled package, so nothing is loaded beforehand). */
const node = (script: string, flags: string[] = []) =>
  run(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd: dir }).then(({ stdout }) =>
    stdout.trim(),
  );

describe('importPeer', () => {
  it('returns the module when it loads', async () => {
    const path = await importPeer('node:path', 'Paths', () => import('node:path'));
    expect(path.join('a', 'b')).toBe(join('a', 'b'));
  });

  it('names the package to install when it cannot be loaded', async () => {
    const failing = importPeer(
      'no-such-package-xyz',
      'The test store',
      () => import(/* @vite-ignore */ `no-such-package-${'xyz'}`),
    );
    await expect(failing).rejects.toThrow(
      /^The test store needs the package no-such-package-xyz, which could not be loaded \(.*no-such-package-xyz.*\)\. Install it with `npm install no-such-package-xyz`/,
    );
  });
});

describe('DuckDB is loaded only by the DuckDB store', () => {
  // The store loads DuckDB in a worker thread: the process's memory map, which every thread shares, shows whether the
  // native binding is loaded (Linux only).
  it.runIf(process.platform === 'linux')('stays out of the process until createDuckDBStorage runs', async () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const loaded = () => readFileSync('/proc/self/maps', 'utf8').includes('duckdb');
      const collector = await import(${JSON.stringify(new URL('index.js', dist).href)});
      await import(${JSON.stringify(new URL('cli/runCli.js', dist).href)});
      const before = loaded();
      const storage = await collector.createDuckDBStorage({ dataDir: 'data' });
      const after = loaded();
      await storage.close();
      console.log(JSON.stringify({ before, after }));`;
    expect(JSON.parse(await node(script))).toEqual({ before: false, after: true });
  });

  it('imports without the package, and fails with its name only when the DuckDB store is used', async () => {
    const script = `
      const collector = await import(${JSON.stringify(new URL('index.js', dist).href)});
      const message = await collector.createDuckDBStorage({ dataDir: 'data' }).then(() => 'opened', (error) => error.message);
      console.log(JSON.stringify({ exports: typeof collector.createPostgresStorage, message }));`;
    const result = JSON.parse(await node(script, ['--import', withoutDuckDB]));
    expect(result.exports).toBe('function');
    expect(result.message).toMatch(
      /^The DuckDB store needs the package @duckdb\/node-api, .*`npm install @duckdb\/node-api`/,
    );
  });
});
