// Scale-out benchmark: flat-out ingest (autocannon, unique beacons) into one collector process on PostgreSQL, then
// into two collector processes sharing that database (the load split between them), in one run. Prints beacons/s
// and the two-to-one ratio; every acknowledged beacon must be stored.
// Usage: node bench/scaleOut.mjs [seconds=10]   (needs `npm run build` first, and PostgreSQL installed)
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { createJiti } from 'jiti';
import { createPostgresStorage } from '../dist/index.js';
// The PostgreSQL launcher is a test helper, kept out of the published dist: jiti loads it from its TypeScript source.
const { postgresUnavailable, startPostgres } = await createJiti(import.meta.url).import(
  '../src/test-utils/startPostgres.ts',
);

const seconds = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.env.RUM_BENCH_CONNECTIONS ?? 100);
const runId = Date.now().toString(36);
const beaconOf = (pageViewId, seq) =>
  `{"v":1,"pageViewId":"${pageViewId}","seq":${seq},"sentAt":${Date.now()},"context":{"route":"/items/:id","deviceClass":"mobile","effectiveType":"4g"},"events":[{"type":"vital","name":"LCP","id":"v5-1","value":${(Math.random() * 5000).toFixed(1)},"delta":1,"rating":"good","navigationType":"navigate","route":"/items/:id","t":${Date.now()}}]}`;

async function startCollector(connectionString) {
  const child = fork(new URL('./server.mjs', import.meta.url), ['postgres', connectionString], { stdio: 'inherit' });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return { child, port };
}

/** Flat-out load on one collector; `label` keeps its page view ids apart from every other load's. */
function load(port, label, connections) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/rum/collect`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest: (req) => ({ ...req, body: beaconOf(`s_${runId}_${label}_${Math.floor(n / 8)}`, n++ % 8) }),
      },
    ],
  });
}

const reason = postgresUnavailable();
if (reason) {
  console.error(reason);
  process.exit(1);
}
const postgres = await startPostgres();
const storage = await createPostgresStorage({ connectionString: postgres.connectionString });
try {
  const rows = [];
  for (const processes of [1, 2]) {
    const collectors = await Promise.all(
      Array.from({ length: processes }, () => startCollector(postgres.connectionString)),
    );
    const before = await storage.countBeacons();
    const results = await Promise.all(
      collectors.map(({ port }, i) => load(port, `${processes}x${i}`, Math.round(CONNECTIONS / processes))),
    );
    const acked = results.reduce((sum, r) => sum + r['2xx'], 0);
    const stored = (await storage.countBeacons()) - before;
    for (const { child } of collectors) child.kill('SIGTERM');
    rows.push({
      collectors: processes,
      'beacons/s': Math.round(acked / seconds),
      'p99 ms': Math.max(...results.map((r) => r.latency.p99)),
      non2xx: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
      acked,
      // Requests cut off when autocannon stops may be stored without their 204: stored >= acked.
      lost: Math.max(0, acked - stored),
    });
  }
  console.table(rows);
  console.log(
    `two collectors / one: ${(rows[1]['beacons/s'] / rows[0]['beacons/s']).toFixed(2)}x (${seconds} s each, ${CONNECTIONS} connections in all)`,
  );
} finally {
  await storage.close();
  postgres.stop();
}
