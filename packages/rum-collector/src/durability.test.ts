import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createDuckDBStorage } from './storage/createDuckDBStorage.js';
import { makeBeacon } from './test-utils/makeBeacon.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-kill9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps every acknowledged beacon after kill -9 of the collector', async () => {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./test-utils/collectorChild.mjs', import.meta.url)), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`collector exited early (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const acked: { pageViewId: string; seq: number }[] = [];
  const state = { stop: false };
  // 16 clients posting back to back; the kill lands while many requests are in flight.
  const clients = Array.from({ length: 16 }, async () => {
    const pageViewId = makeBeacon().pageViewId;
    for (let seq = 0; !state.stop; seq++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/rum/collect`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify(makeBeacon({ pageViewId, seq })),
        });
        if (res.status === 204) acked.push({ pageViewId, seq });
      } catch {
        return; // connection reset by the kill: not acknowledged, so not promised
      }
    }
  });
  await expect.poll(() => acked.length, { timeout: 25_000 }).toBeGreaterThan(200);
  child.kill('SIGKILL');
  state.stop = true;
  await Promise.all(clients);
  await exited;

  const storage = await createDuckDBStorage({ dataDir: dir });
  try {
    const missing: string[] = [];
    for (const { pageViewId, seq } of acked) {
      const stored = await storage.listBeacons({ pageViewId, limit: 100_000 });
      if (!stored.some((s) => s.beacon.seq === seq)) missing.push(`${pageViewId}#${seq}`);
    }
    expect(missing).toEqual([]);
    expect(await storage.countBeacons()).toBeGreaterThanOrEqual(acked.length);
  } finally {
    await storage.close();
  }
});
