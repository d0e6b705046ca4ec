import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PercentileRow } from '../types.js';
import { makeBeacon, vital } from '../../test-utils/makeBeacon.js';
import {
  clickHouseUnavailable,
  startClickHouseCluster,
  type TestClickHouseCluster,
} from '../../test-utils/startClickHouse.js';
import { percentileCont } from '../../test-utils/storageSuite.js';
import { clickHouseSchema } from './clickHouseSchema.js';
import { createClickHouseStorage } from './createClickHouseStorage.js';

const unavailable = clickHouseUnavailable();
if (unavailable) console.warn(unavailable);

let cluster: TestClickHouseCluster | undefined;
const children: ChildProcess[] = [];
beforeAll(async () => {
  if (unavailable) return;
  cluster = await startClickHouseCluster(2);
  // The README's cluster recipe: the same statements on every server.
  for (const node of cluster.nodes) {
    const client = createClient({ url: node.url });
    for (const query of clickHouseSchema({ cluster: cluster.cluster })) await client.command({ query });
    await client.close();
  }
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await cluster?.stop();
});

/** A compiled collector in a child process writing through `url`; resolves with its port once it listens. */
async function startCollector(url: string): Promise<{ child: ChildProcess; port: number; exited: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../test-utils/clickHouseCollectorChild.mjs', import.meta.url)), url],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`collector exited early (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { child, port, exited };
}

const post = (port: number, body: string) =>
  fetch(`http://127.0.0.1:${port}/rum/collect`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  }).then((r) => r.status);

describe.skipIf(unavailable !== null)('clickhouse: 2 shards, Distributed tables, 2 collectors', () => {
  it('keeps every acknowledged beacon when a collector is killed mid-load, and its percentiles equal those of all rows', async () => {
    const [a, b] = await Promise.all([startCollector(cluster!.nodes[0]!.url), startCollector(cluster!.nodes[1]!.url)]);
    const acked = new Set<string>();
    let ackedByA = 0;
    let aDead = false;
    let x = 11;
    const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
    // 12 browsers, half on each collector; a browser whose collector dies resends its beacon to the other one, as
    // an outbox would, so a beacon A stored but never answered arrives twice. Every 7th beacon is also sent to
    // both collectors at once (a retry racing its original across collectors).
    const state = { stop: false };
    const browsers = Array.from({ length: 12 }, async (_, i) => {
      const pageViewId = makeBeacon().pageViewId;
      const route = i % 3 === 0 ? '/cart' : '/items/:id';
      for (let seq = 0; !state.stop && seq < 2000; seq++) {
        const beacon = makeBeacon({
          pageViewId,
          seq,
          context: { route, deviceClass: 'mobile', effectiveType: '4g' },
          events: [vital('LCP', Math.round(rnd() * 6000), { route }), vital('INP', Math.round(rnd() * 800), { route })],
        });
        const body = JSON.stringify(beacon);
        const onA = i % 2 === 0 && !aDead;
        const targets = seq % 7 === 3 ? [a.port, b.port] : [onA ? a.port : b.port];
        const answers = await Promise.all(targets.map((port) => post(port, body).catch(() => 0)));
        if (answers.includes(204)) {
          acked.add(`${pageViewId}#${seq}`);
          if (onA && answers[0] === 204) ackedByA++;
        } else if ((await post(b.port, body).catch(() => 0)) === 204) {
          acked.add(`${pageViewId}#${seq}`);
        } else {
          throw new Error(`beacon ${pageViewId}#${seq} refused by both collectors`);
        }
      }
    });
    await expect.poll(() => ackedByA, { timeout: 20_000, interval: 20 }).toBeGreaterThan(200);
    a.child.kill('SIGKILL');
    aDead = true;
    await a.exited;
    const atKill = acked.size;
    await expect.poll(() => acked.size, { timeout: 20_000, interval: 20 }).toBeGreaterThan(atKill + 200);
    state.stop = true;
    await Promise.all(browsers);

    // Every acknowledged beacon is in the cluster, read through node 1's Distributed table.
    const storage = await createClickHouseStorage({ url: cluster!.nodes[0]!.url, createTables: false });
    try {
      const stored = await storage.listBeacons({ limit: 1_000_000 });
      const keys = new Set(stored.map((s) => `${s.beacon.pageViewId}#${s.beacon.seq}`));
      expect([...acked].filter((k) => !keys.has(k))).toEqual([]);
      expect(await storage.countBeacons()).toBe(keys.size);
      expect(stored.length).toBe(keys.size);

      // All rows, read from each shard's local table (both hold some), each event once.
      const values = new Map<string, number[]>();
      const perShard: number[] = [];
      const seen = new Set<string>();
      let copies = 0;
      for (const node of cluster!.nodes) {
        const client = createClient({ url: node.url });
        const rows = await (
          await client.query({
            query:
              "SELECT name, route, value, page_view_id, seq, idx FROM default.rum_events_local WHERE type = 'vital'",
            format: 'JSONEachRow',
          })
        ).json<{ name: string; route: string; value: number; page_view_id: string; seq: string; idx: number }>();
        await client.close();
        perShard.push(rows.length);
        for (const r of rows) {
          const id = `${r.page_view_id}#${r.seq}#${r.idx}`;
          if (seen.has(id)) {
            copies++;
            continue;
          }
          seen.add(id);
          const group = `${r.name} ${r.route}`;
          values.set(group, [...(values.get(group) ?? []), r.value]);
        }
      }
      expect(perShard.every((n) => n > 0)).toBe(true);
      console.info(
        `[distributed] acked ${acked.size} (${ackedByA} by the killed collector), stored ${keys.size}, events per shard ${perShard.join(' / ')}, event copies written twice ${copies}`,
      );

      // The dashboard's percentiles, from the surviving collector's JSON API, over the Distributed tables.
      const res = await fetch(`http://127.0.0.1:${b.port}/rum/api/percentiles?window=1d&groupBy=route`);
      const { rows } = (await res.json()) as { rows: PercentileRow[] };
      expect(rows.map((r) => `${r.metric} ${r.route}`).sort()).toEqual([...values.keys()].sort());
      for (const row of rows) {
        const all = values.get(`${row.metric} ${row.route}`)!;
        expect(row.count).toBe(all.length);
        for (const [key, p] of [
          ['p50', 0.5],
          ['p75', 0.75],
          ['p90', 0.9],
          ['p99', 0.99],
        ] as const) {
          expect(row[key]).toBeCloseTo(percentileCont(all, p), 6);
        }
      }
    } finally {
      await storage.close();
    }
  });
});
