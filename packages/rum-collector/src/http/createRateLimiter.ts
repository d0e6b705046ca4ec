/** Token-bucket settings per client. */
export interface RateLimitOptions {
  /** Beacons per second a client may send on average. @default 20 */
  perSecond?: number;
  /** Beacons a client may send at once after being idle. @default 60 */
  burst?: number;
  /** Most clients tracked; the oldest idle ones are forgotten beyond it. @default 100_000 */
  maxClients?: number;
  /** The clock, in milliseconds; tests pass their own so that refills do not depend on how fast they run. @default Date.now */
  now?: () => number;
}

/** Verdict for one request. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Per-client token buckets. */
export interface RateLimiter {
  take(client: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client key. Memory is bounded: a Map keeps insertion order, and a client is re-inserted on
 * every hit, so the first entries are the least recently seen and are evicted first.
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const perSecond = options.perSecond ?? 20;
  const burst = options.burst ?? 60;
  const maxClients = options.maxClients ?? 100_000;
  const clock = options.now ?? Date.now;
  if (!(perSecond > 0) || !(burst >= 1)) throw new Error('rateLimit: perSecond must be > 0 and burst >= 1');
  const buckets = new Map<string, Bucket>();

  return {
    take(client) {
      const now = clock();
      const prev = buckets.get(client);
      const tokens = prev ? Math.min(burst, prev.tokens + ((now - prev.at) / 1000) * perSecond) : burst;
      buckets.delete(client);
      if (tokens < 1) {
        buckets.set(client, { tokens, at: now });
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
      }
      buckets.set(client, { tokens: tokens - 1, at: now });
      if (buckets.size > maxClients) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      return { ok: true };
    },
  };
}
