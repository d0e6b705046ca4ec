// Query benchmark: exact p75 (and p50/p90/p99) of one metric on one route over 1,000,000 stored beacons
// (3 vitals each, 3,000,000 events, 50 routes, 28 days), embedded DuckDB vs PostgreSQL, same SQL shape.
// Usage: node bench/query.mjs [beacons=1000000] [runs=15]   (needs `npm run build` first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createClickHouseStorage, createDuckDBStorage, createPostgresStorage } from '../dist/index.js';
import { createJiti } from 'jiti';
// The PostgreSQL launcher is a test helper, kept out of the published dist: jiti loads it from its TypeScript source.
const { postgresUnavailable, startPostgres } = await createJiti(import.meta.url).import(
  '../src/test-utils/startPostgres.ts',
);
const { clickHouseUnavailable, startClickHouse } = await createJiti(import.meta.url).import(
  '../src/test-utils/startClickHouse.ts',
);

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
let t0;
try {
  if (!process.env.ONLY || process.env.ONLY === 'duckdb') {
    const s0 = await createDuckDBStorage({ dataDir: dir });
    await s0.close();
    t0 = performance.now();
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
  }

  const missing = postgresUnavailable();
  if (process.env.SKIP_PG || (process.env.ONLY && process.env.ONLY !== 'postgres')) console.log('PostgreSQL skipped');
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

  const chMissing = clickHouseUnavailable();
  if (process.env.ONLY && process.env.ONLY !== 'clickhouse') console.log('ClickHouse skipped');
  else if (chMissing) console.log(chMissing);
  else {
    const ch = await startClickHouse();
    try {
      const store = await createClickHouseStorage({ url: ch.url, requestTimeoutMs: 600_000 });
      const { createClient } = await import('@clickhouse/client');
      const client = createClient({
        url: ch.url,
        request_timeout: 600_000,
        clickhouse_settings: { send_progress_in_http_headers: 1 },
      });
      t0 = performance.now();
      // Same rows as above, in ClickHouse SQL (numbers(N) for range, ARRAY JOIN for the three vitals).
      const at = `${now} - (number % 28) * ${DAY} - (number % 86400) * 1000`;
      const device = "if(number % 3 = 0, 'desktop', 'mobile')";
      await client.command({
        query: `INSERT INTO default.rum_beacons SELECT concat('pv_', toString(number)), 0, ${at}, ${now}, 0,
        concat('/route/', toString(number % 50)), ${device}, '4g', '1.0.0', concat('{"v":1,"pageViewId":"pv_', toString(number), '"}')
        FROM numbers(${N})`,
      });
      await client.command({
        query: `INSERT INTO default.rum_events (received_at, page_view_id, seq, idx, type, name, value, route,
          device_class, connection, navigation_type, target, t)
        SELECT ${at}, concat('pv_', toString(number)), 0, m_idx, 'vital', m_name,
          multiIf(m_name = 'LCP', 800 + (number * 7919 % 5000), m_name = 'INP', 40 + (number * 104729 % 700), (number % 300) / 1000.0),
          concat('/route/', toString(number % 50)), ${device}, '4g', 'navigate',
          if(m_name = 'LCP', concat('img.hero-', toString(number % 7)), NULL), ${now}
        FROM numbers(${N}) ARRAY JOIN ['LCP', 'INP', 'CLS'] AS m_name, [0, 1, 2] AS m_idx`,
      });
      await client.command({ query: 'OPTIMIZE TABLE default.rum_events FINAL' });
      await client.close();
      console.log(`clickhouse: loaded ${N} beacons in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await time('clickhouse 18.16 (default config)', store, rows);
      await store.close();
    } finally {
      await ch.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nExact percentiles over ${N} beacons (${3 * N} events), window 28 days, ${RUNS} runs after 2 warm-ups`);
console.table(rows);
