import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector } from './createCollector.js';
import { createCollectorServer, type CollectorServer } from './createCollectorServer.js';
import { makeBeacon, vital } from './test-utils/makeBeacon.js';
import { post } from './test-utils/post.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-collector-'));
let server: CollectorServer;
let collect: string;
// The rate limiter's clock: it moves only when a test moves it, so no bucket refills while a slow machine fsyncs.
let clock = 1_000_000;

beforeAll(async () => {
  server = await createCollectorServer({
    port: 0,
    dataDir: dir,
    allowedOrigins: ['https://shop.example'],
    rateLimit: { perSecond: 1, burst: 3, now: () => clock },
    trustProxy: true,
  });
  collect = `${server.url}/rum/collect`;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each test gets its own client address for the rate limiter (trustProxy: the address the proxy appended, here the only one).
let client = 0;
const as = (headers: Record<string, string> = {}) => ({
  'content-type': 'text/plain;charset=UTF-8',
  'x-forwarded-for': `10.0.0.${++client}`,
  ...headers,
});

describe('POST /rum/collect', () => {
  it('stores text/plain and application/json beacons and answers 204', async () => {
    const a = makeBeacon();
    const b = makeBeacon();
    expect((await post(collect, JSON.stringify(a), as())).status).toBe(204);
    expect((await post(collect, JSON.stringify(b), as({ 'content-type': 'application/json' }))).status).toBe(204);
    const { storage } = server.collector;
    expect(await storage.countBeacons({ pageViewId: a.pageViewId })).toBe(1);
    expect((await storage.listBeacons({ pageViewId: b.pageViewId }))[0]!.beacon).toEqual(b);
  });

  it('dedupes a retried beacon on (pageViewId, seq)', async () => {
    const beacon = makeBeacon();
    const before = await server.collector.storage.countDuplicates();
    const results = await Promise.all([1, 2, 3].map(() => post(collect, JSON.stringify(beacon), as())));
    expect(results.map((r) => r.status)).toEqual([204, 204, 204]);
    expect(await server.collector.storage.countBeacons({ pageViewId: beacon.pageViewId })).toBe(1);
    expect(await server.collector.storage.countDuplicates()).toBe(before + 2);
  });

  it('answers 400 with the reason', async () => {
    const res = await post(collect, JSON.stringify({ ...makeBeacon(), spy: true }), as());
    expect(res).toMatchObject({ status: 400, json: { error: 'beacon has unknown field "spy"' } });
    expect((await post(collect, 'not json', as())).json?.error).toMatch(/^body is not JSON/);
  });

  it('answers 413 over 64 KB, also when chunked', async () => {
    const big = JSON.stringify(makeBeacon({ events: [vital('LCP', 1, { navigationURL: 'x'.repeat(70_000) })] }));
    expect((await post(collect, big, as())).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new TextEncoder().encode('x'.repeat(30_000)));
        c.close();
      },
    });
    const res = await fetch(collect, { method: 'POST', body: stream, headers: as(), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 415 to other content types and 405 to GET', async () => {
    expect((await post(collect, '{}', as({ 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(415);
    expect((await fetch(collect)).status).toBe(405);
  });

  it('answers 429 with Retry-After once the client bucket is empty', async () => {
    const headers = as();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await post(collect, JSON.stringify(makeBeacon()), headers);
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
    expect(retryAfter).toBe('1');
    // Another client is unaffected.
    expect((await post(collect, JSON.stringify(makeBeacon()), as())).status).toBe(204);
    // One second later the bucket holds one beacon again.
    clock += 1000;
    expect((await post(collect, JSON.stringify(makeBeacon()), headers)).status).toBe(204);
    expect((await post(collect, JSON.stringify(makeBeacon()), headers)).status).toBe(429);
  });

  // Issue 13: the limiter keyed on the left-most X-Forwarded-For address, which the client writes itself.
  it('limits by the address the proxy appended, whatever left-most addresses the client forges', async () => {
    const proxied = as()['x-forwarded-for'];
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const forged = `203.0.113.${i}, 2001:db8:${i}::1`;
      const res = await post(collect, JSON.stringify(makeBeacon()), as({ 'x-forwarded-for': `${forged}, ${proxied}` }));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(3).fill(204), ...Array<number>(17).fill(429)]);
  });

  it('limits an IPv6 client by its /64, whichever of its addresses it sends from', async () => {
    const prefix = `2001:db8:${(++client).toString(16)}:1`;
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await post(
        collect,
        JSON.stringify(makeBeacon()),
        as({ 'x-forwarded-for': `${prefix}::${i.toString(16)}` }),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([204, 204, 204, 429, 429]);
    // The neighbouring /64 is another subscriber.
    expect(
      (
        await post(
          collect,
          JSON.stringify(makeBeacon()),
          as({ 'x-forwarded-for': `2001:db8:${client.toString(16)}:2::1` }),
        )
      ).status,
    ).toBe(204);
  });

  it('answers hostile X-Forwarded-For headers normally, keying them on the proxy itself', async () => {
    const hostile = [
      '',
      ' , ,',
      'unknown',
      '<script>alert(1)</script>',
      `${'9.9.9.9,'.repeat(2000)}x`,
      '::ffff:999.1.1.1',
      '[::1',
      '1.2.3.4.5',
    ];
    const statuses: number[] = [];
    for (const value of hostile) {
      const res = await post(collect, JSON.stringify(makeBeacon()), as({ 'x-forwarded-for': value }));
      statuses.push(res.status);
    }
    // None of these names a client, so all come from the socket peer (127.0.0.1 here): one bucket of 3.
    expect(statuses).toEqual([204, 204, 204, ...Array<number>(hostile.length - 3).fill(429)]);
  });

  it('applies CORS for allowed origins and refuses others', async () => {
    const ok = await post(collect, JSON.stringify(makeBeacon()), as({ origin: 'https://shop.example' }));
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const preflight = await fetch(collect, { method: 'OPTIONS', headers: { origin: 'https://shop.example' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const evil = await post(collect, JSON.stringify(makeBeacon()), as({ origin: 'https://evil.example' }));
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /metrics', () => {
  it('exposes vitals histograms at the thresholds, ingest counters and rejects by reason', async () => {
    await post(
      collect,
      JSON.stringify(makeBeacon({ events: [vital('LCP', 3000), vital('CLS', 0.3), vital('INP', 350)] })),
      as(),
    );
    // A hostile route must not break the exposition format (quotes, backslashes, newlines in a label value).
    const evil = '/x"} 1\n# TYPE fake counter\nfake 1\\';
    expect(
      (await post(collect, JSON.stringify(makeBeacon({ events: [vital('LCP', 100, { route: evil })] })), as())).status,
    ).toBe(204);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await res.text();
    const families = parsePrometheusTextFormat(text);
    const byName = new Map(families.map((f) => [f.name, f]));
    expect(byName.get('pronto_rum_lcp_seconds')?.type).toBe('HISTOGRAM');
    const lcp = byName.get('pronto_rum_lcp_seconds')!.metrics[0]!;
    expect(byName.has('fake')).toBe(false);
    // This parser folds a labelled histogram into one sample; read the series again untyped to see their labels.
    const untyped = parsePrometheusTextFormat(text.replace(/^# TYPE .* histogram$/gm, ''));
    const counts = untyped.filter((f) => f.name === 'pronto_rum_lcp_seconds_count').flatMap((f) => f.metrics);
    expect(counts.map((m) => m.labels?.['route'])).toContain(evil);
    expect(counts.every((m) => m.labels?.['device_class'] === 'mobile')).toBe(true);
    expect(Object.keys(lcp.buckets!)).toEqual(expect.arrayContaining(['2.5', '4']));
    expect(Object.keys(byName.get('pronto_rum_cls')!.metrics[0]!.buckets!)).toEqual(
      expect.arrayContaining(['0.1', '0.25']),
    );
    const inp = byName.get('pronto_rum_inp_seconds')!.metrics[0]!;
    expect(inp.buckets).toMatchObject({ '0.2': '0', '0.5': '1' });
    expect(Number(byName.get('pronto_rum_beacons_stored_total')!.metrics[0]!.value)).toBeGreaterThan(5);
    const rejects = byName.get('pronto_rum_beacons_rejected_total')!.metrics;
    const reasons = Object.fromEntries(rejects.map((m) => [m.labels!['reason'], Number(m.value)]));
    expect(reasons).toMatchObject({
      invalid_beacon: 1,
      invalid_json: 1,
      too_large: 2,
      rate_limited: 1 + 1 + 17 + 2 + 5,
      origin_not_allowed: 1,
    });
    // Every group commit is timed, and the process and event loop are watched (prom-client's default metrics).
    const commits = untyped.find((f) => f.name === 'pronto_rum_ingest_commit_seconds_count')!.metrics[0]!;
    expect(Number(commits.value)).toBeGreaterThan(0);
    expect(byName.get('pronto_rum_ingest_commit_seconds')?.type).toBe('HISTOGRAM');
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining([
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_heap_size_used_bytes',
      ]),
    );
  });

  it("registers into a host app's own registry, so one /metrics serves both", async () => {
    const { Counter, Registry } = await import('prom-client');
    const hostRegistry = new Registry();
    const hostRequests = new Counter({
      name: 'app_requests_total',
      help: 'Requests of the host app.',
      registers: [hostRegistry],
    });
    const mountedDir = mkdtempSync(join(tmpdir(), 'rum-registry-'));
    const collector = await createCollector({
      dataDir: mountedDir,
      metricsPath: false,
      metrics: { registry: hostRegistry },
      rateLimit: false,
    });
    const host = createServer(async (req, res) => {
      if (await collector.handle(req, res)) return;
      hostRequests.inc();
      res.setHeader('Content-Type', hostRegistry.contentType);
      res.end(await hostRegistry.metrics());
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      expect((await post(`${base}/rum/collect`, JSON.stringify(makeBeacon()))).status).toBe(204);
      const families = new Map(
        parsePrometheusTextFormat(await (await fetch(`${base}/metrics`)).text()).map((f) => [f.name, f]),
      );
      expect(Number(families.get('app_requests_total')!.metrics[0]!.value)).toBe(1);
      expect(Number(families.get('pronto_rum_beacons_stored_total')!.metrics[0]!.value)).toBe(1);
      // The host decides about process metrics in its own registry: the collector adds none there.
      expect(families.has('process_cpu_seconds_total')).toBe(false);
    } finally {
      host.close();
      await collector.close();
      rmSync(mountedDir, { recursive: true, force: true });
    }
  });
});

describe('mounting', () => {
  it('resolves false for URLs that are not the collector, so a host server can handle them', async () => {
    const mountedDir = mkdtempSync(join(tmpdir(), 'rum-mounted-'));
    const collector = await createCollector({ dataDir: mountedDir, basePath: '/telemetry', metricsPath: false });
    const host = createServer(async (req, res) => {
      if (await collector.handle(req, res)) return;
      res.end('app');
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/rum/collect`)).text()).toBe('app');
      expect(await (await fetch(`${base}/metrics`)).text()).toBe('app');
      expect((await post(`${base}/telemetry/collect`, JSON.stringify(makeBeacon()))).status).toBe(204);
      expect(await collector.storage.countBeacons()).toBe(1);
      const api = await fetch(`${base}/telemetry/api/summary?window=1d`);
      expect((await api.json()).percentiles[0]).toMatchObject({ metric: 'LCP', count: 1, p75: 1234.5 });
      expect((await fetch(`${base}/telemetry/api/summary?window=forever`)).status).toBe(400);
    } finally {
      host.close();
      await collector.close();
      rmSync(mountedDir, { recursive: true, force: true });
    }
  });
});

describe('poison beacons', () => {
  it('stores and acks the batch-mates of a beacon the store refuses', async () => {
    const realDir = mkdtempSync(join(tmpdir(), 'rum-poison-'));
    const { createDuckDBStorage } = await import('./storage/duckdb/createDuckDBStorage.js');
    const real = await createDuckDBStorage({ dataDir: realDir });
    // The real store, except that it refuses any batch holding the route "/poison" (as PostgreSQL might).
    const storage = {
      ...real,
      kind: 'refusing',
      insertBatch: (batch: Parameters<typeof real.insertBatch>[0]) =>
        batch.some((b) => b.beacon.context.route === '/poison')
          ? Promise.reject(new Error('refused'))
          : real.insertBatch(batch),
    };
    const poisoned = await createCollectorServer({ port: 0, storage, rateLimit: false });
    try {
      const bodies = [
        makeBeacon(),
        makeBeacon({ context: { route: '/poison', deviceClass: 'mobile' } }),
        makeBeacon(),
        makeBeacon(),
      ];
      const statuses = await Promise.all(
        bodies.map((b) => post(`${poisoned.url}/rum/collect`, JSON.stringify(b)).then((r) => r.status)),
      );
      expect(statuses).toEqual([204, 503, 204, 204]);
      expect(await real.countBeacons()).toBe(3);
    } finally {
      await poisoned.close();
      await real.close();
      rmSync(realDir, { recursive: true, force: true });
    }
  });
});
