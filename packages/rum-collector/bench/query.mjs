// Query benchmark: exact p75 (and p50/p90/p99) of one metric on one route over 1,000,000 stored beacons
// (3 vitals each, 3,000,000 events, 50 routes, 28 days), embedded DuckDB vs PostgreSQL, same SQL shape.
// Usage: node bench/query.mjs [beacons=1000000] [runs=15]   (needs `npm run build` first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDuckDBStorage, createPostgresStorage } from '../dist/index.js';
import { createJiti } from 'jiti';
// The PostgreSQL launcher is a test helper, kept out of the published dist: jiti loads it from its TypeScript source.
const { postgresUnavailable, startPostgres } = await createJiti(import.meta.url).import('../src/test-utils/startPostgres.ts');

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 15);
const DAY = 86_400_000;
const now = Date.now();

// The same generated rows for both stores: route i % 50, LCP/INP/CLS with skewed values.
const beaconsSql = (range) => `SELECT 'pv_' || i, 0, ${now} - (i % 28) * ${DAY} - (i % 86400) * 1000, ${now}, 0,
  '/route/' || (i % 50), CASE WHEN i % 3 = 0 THEN 'desktop' ELSE 'mobile' END, '4g', '1.0.0',
  '{"v":1,"pageViewId":"pv_' || i || '"}' FROM ${range}`;
const eventsSql = (range) => `SELECT ${now} - (i % 28) * ${DAY} - (i % 86400) * 1000, 'pv_' || i, 0, 'vital', m.name,
  CASE m.name WHEN 'LCP' THEN 800 + (i * 7919 % 5000) WHEN 'INP' THEN 40 + (i * 104729 % 700) ELSE (i % 300) / 1000.0 END,
  '/route/' || (i % 50), CASE WHEN i % 3 = 0 THEN 'desktop' ELSE 'mobile' END, '4g', 'navigate',
  CASE WHEN m.name = 'LCP' THEN 'img.hero-' || (i % 7) ELSE NULL END, ${now}
  FROM ${range} CROSS JOIN (VALUES ('LCP'), ('INP'), ('CLS')) AS m(name)`;

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
async function time(label, storage, rows) {
  const query = { from: now - 28 * DAY, route: '/route/7', metric: 'LCP' };
  const ms = [];
  let result;
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    result = await storage.percentiles(query);
    if (i >= 2) ms.push(performance.now() - t0); // two warm-up runs
  }
  const all = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await storage.percentiles({ from: now - 28 * DAY, groupBy: ['route', 'deviceClass', 'connection'] });
    all.push(performance.now() - t0);
  }
  rows.push({
    store: label,
    'p75 one route (median ms)': +median(ms).toFixed(1),
    'min-max ms': `${Math.min(...ms).toFixed(1)}-${Math.max(...ms).toFixed(1)}`,
    'all groups (median ms)': +median(all).toFixed(1),
    samples: result[0]?.count,
    p75: result[0]?.p75,
  });
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'rum-qbench-'));
try {
  const s0 = await createDuckDBStorage({ dataDir: dir });
  await s0.close();
  let t0 = performance.now();
  const inst = await DuckDBInstance.create(join(dir, 'rum.duckdb'));
  const c = await inst.connect();
  await c.run(`INSERT INTO rum_beacons ${beaconsSql(`range(${N}) t(i)`)}`);
  await c.run(`INSERT INTO rum_events ${eventsSql(`range(${N}) t(i)`)}`);
  await c.run('CHECKPOINT');
  c.closeSync();
  inst.closeSync();
  console.log(`duckdb: loaded ${N} beacons in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const threads of [undefined, 2]) {
    const duck = await createDuckDBStorage({ dataDir: dir, ...(threads ? { threads } : {}) });
    await time(threads ? `duckdb, threads: ${threads}` : 'duckdb (default, 1 thread)', duck, rows);
    await duck.close();
  }

  const missing = postgresUnavailable();
  if (process.env.SKIP_PG) console.log('PostgreSQL skipped (SKIP_PG)');
  else if (missing) console.log(missing);
  else {
    const pg = await startPostgres();
    try {
      const store = await createPostgresStorage({ connectionString: pg.connectionString });
      t0 = performance.now();
      const { default: pgLib } = await import('pg');
      const client = new pgLib.Client({ connectionString: pg.connectionString });
      await client.connect();
      await client.query(`INSERT INTO rum_beacons ${beaconsSql(`generate_series(0::bigint, ${N - 1}) t(i)`)}`);
      await client.query(`INSERT INTO rum_events ${eventsSql(`generate_series(0::bigint, ${N - 1}) t(i)`)}`);
      await client.query('VACUUM ANALYZE');
      await client.end();
      console.log(`postgres: loaded ${N} beacons in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await time('postgres 15 (default config)', store, rows);
      await store.close();
    } finally {
      pg.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nExact percentiles over ${N} beacons (${3 * N} events), window 28 days, ${RUNS} runs after 2 warm-ups`);
console.table(rows);
