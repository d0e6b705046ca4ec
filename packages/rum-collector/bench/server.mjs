// The collector under test, in its own process so the load generator does not share its event loop.
// argv: <kind: duckdb|postgres|clickhouse|validate-only> <dataDir|connectionString|ClickHouse url>; env
// RUM_BENCH_CH_WRITES (ClickHouse maxConcurrentWrites),
// RUM_BENCH_CHECKPOINT (DuckDB checkpoint_threshold, e.g. 64MB), RUM_BENCH_LOAD_BATCH (DuckDB loadBatch), RUM_BENCH_TRACE (batch sizes, commit times)
import { createServer } from 'node:http';
import {
  createClickHouseStorage,
  createCollectorServer,
  createDuckDBStorage,
  createPostgresStorage,
  parseBeacon,
} from '../dist/index.js';

const [kind, target] = process.argv.slice(2);
let port;
if (kind === 'validate-only') {
  // Baseline: same HTTP parsing and schema validation, no storage. The ceiling a store can approach.
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const parsed = parseBeacon(Buffer.concat(chunks));
      res.statusCode = parsed.ok ? 204 : 400;
      res.end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  port = server.address().port;
} else {
  const storage =
    kind === 'postgres'
      ? await createPostgresStorage({ connectionString: target, maxConnections: 3 })
      : kind === 'clickhouse'
        ? await createClickHouseStorage({
            url: target,
            ...(process.env.RUM_BENCH_CH_WRITES
              ? { maxConcurrentWrites: Number(process.env.RUM_BENCH_CH_WRITES) }
              : {}),
          })
        : await createDuckDBStorage({
            dataDir: target,
            ...(process.env.RUM_BENCH_LOAD_BATCH ? { loadBatch: Number(process.env.RUM_BENCH_LOAD_BATCH) } : {}),
            ...(process.env.RUM_BENCH_CHECKPOINT ? { checkpointThreshold: process.env.RUM_BENCH_CHECKPOINT } : {}),
          });
  const server = await createCollectorServer({ port: 0, rateLimit: false, storage });
  if (process.env.RUM_BENCH_TRACE) {
    // Batch sizes and commit times, to see where latency goes.
    const s = server.collector.storage;
    const insert = s.insertBatch.bind(s);
    const trace = [];
    s.insertBatch = async (batch) => {
      const t0 = performance.now();
      try {
        return await insert(batch);
      } finally {
        trace.push([batch.length, performance.now() - t0]);
      }
    };
    process.on('SIGTERM', () => {
      const sizes = trace.map((t) => t[0]).sort((a, b) => a - b);
      const ms = trace.map((t) => t[1]).sort((a, b) => a - b);
      const q = (a, p) => a[Math.floor(p * (a.length - 1))];
      console.error(
        `batches ${trace.length} size p50 ${q(sizes, 0.5)} p99 ${q(sizes, 0.99)}; commit ms p50 ${q(ms, 0.5).toFixed(1)} p99 ${q(ms, 0.99).toFixed(1)}`,
      );
      process.exit(0);
    });
  }
  port = server.port;
  process.on('message', async (msg) => {
    if (msg === 'count') process.send({ count: await server.collector.storage.countBeacons() });
  });
}
process.on('SIGINT', () => process.exit(0));
process.send({ port });
