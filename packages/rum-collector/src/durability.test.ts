import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createDuckDBStorage } from './storage/duckdb/createDuckDBStorage.js';
import { makeBeacon } from './test-utils/makeBeacon.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-kill9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The compiled collector in a child process on `dataDir`, once it listens. */
async function startChild(dataDir: string) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./test-utils/collectorChild.mjs', import.meta.url)), dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`collector exited early (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, port, exited };
}

it('keeps every acknowledged beacon after kill -9 of the collector', async () => {
  const { child, port, exited } = await startChild(dir);

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

it('comes back after kill -9 in the middle of a flood, hostile beacons included, and loses nothing it acknowledged', async () => {
  const floodDir = mkdtempSync(join(tmpdir(), 'rum-flood-'));
  let current = await startChild(floodDir);
  const acked: string[] = [];
  const refused = { hostile: 0 };
  const hostileAccepted: number[] = [];
  const state = { stop: false };
  // What arrives in a flood: valid beacons and garbage (not JSON, schema violations, oversized bodies).
  const hostile = ['{"v":1,', JSON.stringify({ ...makeBeacon(), spy: true }), 'x'.repeat(70_000), '\u0000\uffff'];
  const clients = Array.from({ length: 12 }, async (_, client) => {
    const pageViewId = makeBeacon().pageViewId;
    for (let seq = 0, attempt = 0; !state.stop; attempt++) {
      const isHostile = attempt % 3 === client % 3;
      const body = isHostile ? hostile[attempt % hostile.length]! : JSON.stringify(makeBeacon({ pageViewId, seq }));
      try {
        const res = await fetch(`http://127.0.0.1:${current.port}/rum/collect`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body,
        });
        await res.arrayBuffer();
        if (isHostile) {
          // Collected, not asserted here: the catch below would swallow a failed expect.
          if (res.status === 400 || res.status === 413) refused.hostile += 1;
          else hostileAccepted.push(res.status);
        } else if (res.status === 204) {
          acked.push(`${pageViewId}#${seq}`);
          seq += 1;
        }
      } catch {
        // Refused connection while the collector is down: the client keeps the beacon and tries again.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  });
  try {
    await expect.poll(() => acked.length, { timeout: 25_000 }).toBeGreaterThan(150);
    current.child.kill('SIGKILL');
    await current.exited;
    const beforeRestart = acked.length;
    // The restart takes the data folder's lock again (released by the OS with the dead process) and replays the
    // journal before it accepts the flood again.
    current = await startChild(floodDir);
    await expect.poll(() => acked.length, { timeout: 25_000 }).toBeGreaterThan(beforeRestart + 150);
    state.stop = true;
    await Promise.all(clients);
    expect(hostileAccepted).toEqual([]);
    expect(refused.hostile).toBeGreaterThan(100);
    current.child.kill('SIGTERM');
    await current.exited;

    const storage = await createDuckDBStorage({ dataDir: floodDir });
    try {
      const stored = new Set(
        (await storage.listBeacons({ limit: 1_000_000 })).map(({ beacon }) => `${beacon.pageViewId}#${beacon.seq}`),
      );
      expect(acked.filter((key) => !stored.has(key))).toEqual([]);
    } finally {
      await storage.close();
    }
  } finally {
    state.stop = true;
    current.child.kill('SIGKILL');
    rmSync(floodDir, { recursive: true, force: true });
  }
}, 90_000);
