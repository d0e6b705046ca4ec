import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresStorage } from './storage/createPostgresStorage.js';
import { makeBeacon } from './test-utils/makeBeacon.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from './test-utils/startPostgres.js';

// Several stateless collectors behind a load balancer, one shared PostgreSQL: what a site that outgrew one
// machine runs. Each collector is its own process, so one can die by SIGKILL in the middle of the load.

const unavailable = postgresUnavailable();
let postgres: TestPostgres | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!unavailable) postgres = await startPostgres();
}, 60_000);
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  postgres?.stop();
});

function startCollector(
  connectionString: string,
): Promise<{ port: number; child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./test-utils/postgresCollectorChild.mjs', import.meta.url)), connectionString],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`collector exited early (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve({ port: Number(match[1]), child, exited });
    });
  });
}

async function post(port: number, body: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/rum/collect`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

it.skipIf(unavailable)(
  'two collectors on one PostgreSQL: one killed mid-load loses nothing acknowledged and counts nothing twice',
  async () => {
    // Both start at once, as replicas do: creating the schema concurrently must not fail either of them.
    const [a, b] = await Promise.all([
      startCollector(postgres!.connectionString),
      startCollector(postgres!.connectionString),
    ]);
    const acked = new Set<string>();
    const state = { stop: false, aDead: false };
    let sentToBoth = 0;
    // 12 clients; the balancer sends each beacon to a or b in turn. Every 4th beacon is also sent to the other
    // collector at the same moment (a client retry that the balancer routed elsewhere): stored once either way.
    const clients = Array.from({ length: 12 }, async (_, client) => {
      const pageViewId = makeBeacon().pageViewId;
      for (let seq = 0; !state.stop; seq++) {
        const body = JSON.stringify(makeBeacon({ pageViewId, seq }));
        const first = (seq + client) % 2 === 0 && !state.aDead ? a.port : b.port;
        const targets = seq % 4 === 0 && !state.aDead ? [a.port, b.port] : [first];
        if (targets.length === 2) sentToBoth += 1;
        const answers = await Promise.all(targets.map((port) => post(port, body).catch(() => 0)));
        if (answers.includes(204)) {
          acked.add(`${pageViewId}#${seq}`);
          continue;
        }
        // No answer from the dead one: the client keeps the beacon and retries it through the balancer (now b).
        if ((await post(b.port, body).catch(() => 0)) === 204) acked.add(`${pageViewId}#${seq}`);
      }
    });
    await expect.poll(() => acked.size, { timeout: 30_000 }).toBeGreaterThan(300);
    a.child.kill('SIGKILL');
    state.aDead = true;
    await a.exited;
    const atKill = acked.size;
    await expect.poll(() => acked.size, { timeout: 30_000 }).toBeGreaterThan(atKill + 200);
    state.stop = true;
    await Promise.all(clients);
    expect(sentToBoth).toBeGreaterThan(50);

    const storage = await createPostgresStorage({ connectionString: postgres!.connectionString });
    try {
      // Nothing acknowledged is lost...
      const stored = new Set<string>();
      for (const { beacon } of await storage.listBeacons({ limit: 1_000_000 }))
        stored.add(`${beacon.pageViewId}#${beacon.seq}`);
      const missing = [...acked].filter((key) => !stored.has(key));
      expect(missing).toEqual([]);
      // ...and nothing is counted twice: one row per beacon (a beacon killed mid-commit may be stored unacknowledged),
      // and the analysis sees one LCP sample per stored beacon, not one per collector that received it.
      expect(await storage.countBeacons()).toBe(stored.size);
      const [lcp] = await storage.percentiles({ metric: 'LCP' });
      expect(lcp?.count).toBe(stored.size);
    } finally {
      await storage.close();
      b.child.kill('SIGTERM');
      await b.exited;
    }
  },
  120_000,
);
