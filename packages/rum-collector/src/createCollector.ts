import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { summarize } from './analysis/summarize.js';
import { createGroupCommit } from './createGroupCommit.js';
import { clientAddress } from './http/clientAddress.js';
import { answerPreflight, applyCors } from './http/cors.js';
import { createRateLimiter, type RateLimitOptions } from './http/createRateLimiter.js';
import { parseQueryFilter } from './http/parseQueryFilter.js';
import { rateLimitKey } from './http/rateLimitKey.js';
import { readBody } from './http/readBody.js';
import { sendJson } from './http/sendJson.js';
import { serveStatic } from './http/serveStatic.js';
import { MAX_BEACON_BYTES } from './beaconSchema.js';
import { createMetrics, type Metrics, type MetricsOptions } from './metrics/createMetrics.js';
import { parseBeacon, type RejectReason } from './parseBeacon.js';
import { createDuckDBStorage } from './storage/duckdb/createDuckDBStorage.js';
import type { ReceivedBeacon, RumStorage } from './storage/types.js';

/** Options of {@link createCollector}. */
export interface CollectorOptions {
  /** Directory of the embedded DuckDB store. Required unless `storage` is given. */
  dataDir?: string;
  /** URL prefix of the collector: beacons go to `<basePath>/collect`, the dashboard is `<basePath>/`. @default '/rum' */
  basePath?: string;
  /** Absolute path of the Prometheus endpoint, or false for none. @default '/metrics' */
  metricsPath?: string | false;
  /**
   * Where the metrics live: e.g. `{ registry: hostRegistry }` to serve them from the host app's own `/metrics`.
   * @default a registry of the collector's own, with Node's process and event-loop metrics
   */
  metrics?: MetricsOptions;
  /** Origins allowed to post (CORS). Without it any origin may post and no CORS headers are sent. @default undefined */
  allowedOrigins?: readonly string[];
  /** Per-client token bucket, or false to disable. @default { perSecond: 20, burst: 60 } */
  rateLimit?: RateLimitOptions | false;
  /** A storage to use instead of the embedded one (e.g. createPostgresStorage). Not closed by close(). @default DuckDB in dataDir */
  storage?: RumStorage;
  /**
   * How many reverse proxies of yours stand in front of the collector, as Express's numeric `trust proxy`: the rate
   * limit keys on the address the outermost of them appended to X-Forwarded-For (`true` = 1: the right-most entry).
   * Addresses left of it are written by the client and ignored. `false` keys on the socket peer.
   * @default false
   */
  trustProxy?: boolean | number;
  /** Serve the dashboard at `<basePath>/`. @default true */
  dashboard?: boolean;
  /** Folder of a built dashboard to serve instead of the packaged one. @default the package's dist/dashboard */
  dashboardDir?: string;
  /** Largest group commit, in beacons. @default 1000 */
  maxBatch?: number;
}

/** A mounted collector. */
export interface Collector {
  /** Handles a request if its URL belongs to the collector; resolves false (touching nothing) otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Finishes pending writes, then closes the embedded store. */
  close(): Promise<void>;
  /** The store, for queries (countBeacons, percentiles, ...). */
  readonly storage: RumStorage;
  /** The Prometheus metrics. */
  readonly metrics: Metrics;
}

function dashboardRoot(): string | null {
  // Built next to the compiled module (dist/dashboard); from sources, look in the package's dist/.
  for (const rel of ['./dashboard/', '../dist/dashboard/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return null;
}

/**
 * Creates the RUM collector for plain node:http: validated ingest with group commit, Prometheus metrics, the
 * query API and the dashboard. Mount it in any server: `if (await collector.handle(req, res)) return;`.
 */
export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const basePath = (options.basePath ?? '/rum').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new Error('basePath must start with "/"');
  const metricsPath = options.metricsPath ?? '/metrics';
  if (!options.storage && !options.dataDir) throw new Error('createCollector: give dataDir (or a storage)');
  const storage = options.storage ?? (await createDuckDBStorage({ dataDir: options.dataDir! }));
  const ownsStorage = options.storage === undefined;
  const limiter = options.rateLimit === false ? null : createRateLimiter(options.rateLimit);
  const metrics = createMetrics(options.metrics);
  const commit = createGroupCommit<ReceivedBeacon, boolean>({
    maxBatch: options.maxBatch ?? 1000,
    concurrency: storage.maxConcurrentWrites ?? 1,
    // A beacon the store refuses must not take its batch-mates down: they are still stored and acknowledged.
    isolateFailures: true,
    flush: async (batch) => {
      const started = performance.now();
      let fresh: boolean[];
      try {
        fresh = (await storage.insertBatch(batch)).fresh;
      } finally {
        metrics.committed((performance.now() - started) / 1000);
      }
      batch.forEach((item, i) => {
        if (fresh[i]) metrics.stored(item.beacon);
        else metrics.duplicate();
      });
      return fresh;
    },
  });
  const dashboard = options.dashboard === false ? null : (options.dashboardDir ?? dashboardRoot());
  let closing = false;

  const reject = (res: ServerResponse, status: number, reason: RejectReason, error: string) => {
    metrics.rejected(reason);
    sendJson(res, status, { error });
  };

  const trustedHops = options.trustProxy === true ? 1 : options.trustProxy || 0;
  if (!Number.isInteger(trustedHops) || trustedHops < 0)
    throw new Error('trustProxy must be a boolean or a whole number of proxies');
  const clientOf = (req: IncomingMessage): string =>
    rateLimitKey(clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustedHops));

  async function collect(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!applyCors(req, res, options.allowedOrigins)) {
      return reject(
        res,
        403,
        'origin_not_allowed',
        `origin ${String(req.headers.origin).slice(0, 200)} is not allowed`,
      );
    }
    if (req.method === 'OPTIONS') return answerPreflight(res);
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST, OPTIONS');
      return reject(res, 405, 'method_not_allowed', 'use POST');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'text/plain' && type !== 'application/json') {
      return reject(res, 415, 'unsupported_media_type', 'Content-Type must be text/plain or application/json');
    }
    if (limiter) {
      const decision = limiter.take(clientOf(req));
      if (!decision.ok) {
        req.resume();
        res.setHeader('Retry-After', String(decision.retryAfterSeconds));
        return reject(res, 429, 'rate_limited', 'too many beacons from this client');
      }
    }
    const body = await readBody(req, MAX_BEACON_BYTES);
    if (!body.ok) return reject(res, 413, 'too_large', `body over ${MAX_BEACON_BYTES} bytes`);
    metrics.received();
    const parsed = parseBeacon(body.body);
    if (!parsed.ok) return reject(res, 400, parsed.reason ?? 'invalid_beacon', parsed.error);
    if (closing) {
      res.setHeader('Retry-After', '5');
      return reject(res, 503, 'storage_error', 'collector is shutting down');
    }
    try {
      await commit.add({
        beacon: parsed.beacon,
        receivedAt: Date.now(),
        ...(parsed.json ? { json: parsed.json } : {}),
      });
    } catch {
      // Not acknowledged: the client keeps the beacon and retries.
      res.setHeader('Retry-After', '5');
      return reject(res, 503, 'storage_error', 'storage unavailable, retry later');
    }
    res.statusCode = 204;
    res.end();
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'use GET' });
    let parsed;
    try {
      parsed = parseQueryFilter(url.searchParams);
    } catch (error) {
      return sendJson(res, 400, { error: (error as Error).message });
    }
    if (path === 'summary') return sendJson(res, 200, await summarize(storage, parsed));
    if (path === 'percentiles') {
      return sendJson(res, 200, {
        from: parsed.filter.from,
        to: parsed.filter.to,
        rows: await storage.percentiles({ ...parsed.filter, groupBy: parsed.groupBy }),
      });
    }
    sendJson(res, 404, { error: 'unknown API' });
  }

  const collectPath = `${basePath}/collect`;
  async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    // Beacons are nearly every request: their exact path skips URL parsing.
    if (req.url === collectPath) {
      await collect(req, res);
      return true;
    }
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const path = url.pathname;
    if (metricsPath !== false && path === metricsPath) {
      const text = await metrics.render();
      res.statusCode = 200;
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(text);
      return true;
    }
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return false;
    const rest = path.slice(basePath.length + 1);
    if (rest === 'collect') {
      await collect(req, res);
      return true;
    }
    if (rest.startsWith('api/')) {
      await api(req, res, rest.slice(4), url);
      return true;
    }
    if (path === basePath) {
      res.statusCode = 308;
      res.setHeader('Location', `${basePath}/${url.search}`);
      res.end();
      return true;
    }
    if (dashboard && (req.method === 'GET' || req.method === 'HEAD')) {
      if (await serveStatic(req, res, dashboard, rest === '' ? 'index.html' : rest)) return true;
    }
    sendJson(res, 404, { error: dashboard ? 'not found' : 'dashboard not built or disabled' });
    return true;
  }

  return {
    storage,
    metrics,
    async handle(req, res) {
      try {
        return await route(req, res);
      } catch (error) {
        // Last line of defence: hostile input must never take the process down.
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy(error as Error);
        return true;
      }
    },
    async close() {
      closing = true;
      await commit.drain();
      if (ownsStorage) await storage.close();
    },
  };
}
