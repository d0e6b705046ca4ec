// Ingest benchmark, as ratios to a validate-only control measured in the same run: the control (HTTP + JSON parse +
// schema validation, nothing stored) flat out first (autocannon, 100 connections), then every store flat out and
// at half the control's flat-out rate (our open-loop generator, latency from each request's due time), to the
// collector over loopback; afterwards every acknowledged beacon must be in storage (zero loss).
// Prints, per store: flat-out rate / control's (goal >= 0.75 for DuckDB), and p99 at half the control's rate /
// control's p99 at that rate (goal <= 2), with the load average before and after.
// Usage: node bench/ingest.mjs [seconds=10]   (needs `npm run build` first); RUM_BENCH_RATE fixes the paced rate,
// ONLY=<store> runs the control and that store.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { pacedLoad } from './pacedLoad.mjs';
import { createJiti } from 'jiti';
// The PostgreSQL launcher is a test helper, kept out of the published dist: jiti loads it from its TypeScript source.
const { postgresUnavailable, startPostgres } = await createJiti(import.meta.url).import(
  '../src/test-utils/startPostgres.ts',
);
const { clickHouseUnavailable, startClickHouse } = await createJiti(import.meta.url).import(
  '../src/test-utils/startClickHouse.ts',
);

const seconds = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.env.RUM_BENCH_CONNECTIONS ?? 100);
const runId = Date.now().toString(36);
const template = (pageViewId, seq) =>
  `{"v":1,"pageViewId":"${pageViewId}","seq":${seq},"sentAt":${Date.now()},"context":{"route":"/items/:id","deviceClass":"mobile","effectiveType":"4g"},"events":[{"type":"vital","name":"LCP","id":"v5-1","value":${(Math.random() * 5000).toFixed(1)},"delta":1,"rating":"good","navigationType":"navigate","route":"/items/:id","t":${Date.now()},"attribution":{"target":"main > img.hero"}},{"type":"vital","name":"INP","id":"v5-2","value":${(Math.random() * 600).toFixed(0)},"delta":1,"rating":"good","navigationType":"navigate","route":"/items/:id","t":${Date.now()}}]}`;

async function start(kind, target) {
  const child = fork(new URL('./server.mjs', import.meta.url), [kind, target], { stdio: 'inherit' });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return { child, port };
}

async function count(child) {
  child.send('count');
  return (await new Promise((resolve) => child.once('message', resolve))).count;
}

async function load(port, label, rate) {
  const url = `http://127.0.0.1:${port}/rum/collect`;
  const beacon = (i) => template(`b_${runId}_${label}_${Math.floor(i / 8)}`, i % 8);
  if (rate) {
    const r = await pacedLoad({ url, rate, seconds, body: beacon });
    return {
      '2xx': r.ok,
      duration: r.duration,
      latency: r.latency,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: 0,
      lagMs: r.maxLagMs,
    };
  }
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest(req) {
          return { ...req, body: beacon(n++) };
        },
      },
    ],
  });
  return result;
}

const rows = [];
const round = (ms) => Math.round(ms * 10) / 10;
/** One row: `rate` beacons/s offered by the open-loop generator, or 0 for flat out. */
async function measure(kind, target, rate) {
  const { child, port } = await start(kind, target);
  const before = kind === 'validate-only' ? 0 : await count(child);
  const r = await load(port, `${kind}${rate}`, rate);
  const acked = r['2xx'];
  // Requests cut off when autocannon stops may be stored without their 204 reaching it: stored >= acked.
  const stored = kind === 'validate-only' ? null : (await count(child)) - before;
  child.kill('SIGTERM');
  const row = {
    store: kind,
    target: rate ? `${rate}/s` : 'max',
    'beacons/s': Math.round(acked / r.duration),
    'p50 ms': round(r.latency.p50),
    'p99 ms': round(r.latency.p99),
    'max ms': round(r.latency.max),
    'generator lag ms': r.lagMs === undefined ? '-' : round(r.lagMs),
    non2xx: r.non2xx + r.errors + r.timeouts,
    acked,
    stored: stored ?? '-',
    // Zero loss: unique beacons only, so storage must hold at least every acknowledged one.
    lost: stored === null ? '-' : Math.max(0, acked - stored),
  };
  rows.push(row);
  return row;
}

const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
const startedAt = new Date().toISOString();
const control = await measure('validate-only', '', 0);
const halfRate = Number(process.env.RUM_BENCH_RATE ?? Math.round(control['beacons/s'] / 2 / 100) * 100);
const controlHalf = await measure('validate-only', '', halfRate);
const ratios = [];
async function scenario(kind, target) {
  const half = await measure(kind, target, halfRate);
  if (kind === 'duckdb') target = mkdtempSync(join(tmpdir(), 'rum-bench-'));
  const max = await measure(kind, target, 0);
  ratios.push({
    store: kind,
    'flat out / control': +(max['beacons/s'] / control['beacons/s']).toFixed(2),
    [`p99 at ${halfRate}/s / control's`]: +(half['p99 ms'] / controlHalf['p99 ms']).toFixed(1),
    lost: half.lost + max.lost,
  });
}

const wanted = (kind) => !process.env.ONLY || process.env.ONLY === kind;
const dir = mkdtempSync(join(tmpdir(), 'rum-bench-'));
if (wanted('duckdb')) await scenario('duckdb', dir);
const pgMissing = postgresUnavailable();
if (!wanted('postgres')) {
  // skipped
} else if (pgMissing) console.log(pgMissing);
else {
  const pg = await startPostgres();
  try {
    await scenario('postgres', pg.connectionString);
  } finally {
    pg.stop();
  }
}
const chMissing = clickHouseUnavailable();
if (!wanted('clickhouse')) {
  // skipped
} else if (chMissing) console.log(chMissing);
else {
  const ch = await startClickHouse();
  try {
    await scenario('clickhouse', ch.url);
  } finally {
    await ch.stop();
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `\nIngest over loopback, ${seconds}s per row, 2 events per beacon, ${cpus().length} cores; started ${startedAt}; load average before ${loadBefore}, after ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
);
console.log(
  `fixed rate: open loop (up to 1,000 connections), latency from due time; max: autocannon, ${CONNECTIONS} connections`,
);
console.table(rows);
console.log(
  `Ratios to the validate-only control in this run (goals for DuckDB: flat out >= 0.75, p99 at half the control's rate <= 2):`,
);
console.table(ratios);
