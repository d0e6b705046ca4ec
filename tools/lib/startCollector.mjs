// Starts `pronto-rum serve` from an installed @pronto/rum-collector (the packed bin, not the workspace source).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `<appDir>/node_modules/.bin/pronto-rum serve --port 0` with its own data folder and waits for its address.
 * @param {string} appDir
 * @returns {Promise<{ url: string, collectUrl: string, close(): Promise<void> }>}
 */
export async function startCollector(appDir) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pronto-rum-data-'));
  const child = spawn(join(appDir, 'node_modules/.bin/pronto-rum'), ['serve', '--port', '0', '--data', dataDir], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collectUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pronto-rum serve did not start in 30 s:\n${output}`)), 30_000);
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      const match = /collecting at (http:\/\/\S+\/collect)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pronto-rum serve exited with ${code}:\n${output}`));
    });
  });
  return {
    collectUrl,
    url: new URL(collectUrl).origin,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // SIGTERM lets the collector finish pending commits before it exits.
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
