import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeacon, vital } from './makeBeacon.js';
import type { ReceivedBeacon, RumStorage } from '../storage/types.js';

/** Exact continuous percentile (linear interpolation), the definition both SQL backends implement. */
export function percentileCont(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const x = p * (s.length - 1);
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  return s[lo]! + (s[hi]! - s[lo]!) * (x - lo);
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

/**
 * The behaviour every RumStorage must show. Runs against the embedded DuckDB store and against a real PostgreSQL.
 * `open` gets a fresh, empty store.
 */
export function storageSuite(name: string, open: () => Promise<RumStorage>, skip = false): void {
  describe.skipIf(skip)(`${name} storage`, () => {
    let storage: RumStorage;
    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage?.close();
    });

    it('stores a batch once and skips duplicates across and within batches', async () => {
      const a = makeBeacon();
      const b = makeBeacon({ pageViewId: a.pageViewId, seq: 1 });
      const first = await storage.insertBatch([
        { beacon: a, receivedAt: T0 },
        { beacon: b, receivedAt: T0 },
        { beacon: a, receivedAt: T0 },
      ]);
      expect(first).toEqual({ inserted: 2, duplicates: 1, fresh: [true, true, false] });
      const again = await storage.insertBatch([{ beacon: b, receivedAt: T0 + 1 }]);
      expect(again).toEqual({ inserted: 0, duplicates: 1, fresh: [false] });
      expect(await storage.countBeacons({ pageViewId: a.pageViewId })).toBe(2);
      expect(await storage.countDuplicates()).toBe(2);
      const listed = await storage.listBeacons({ pageViewId: a.pageViewId });
      expect(listed.map((l) => l.beacon)).toEqual([b, a]);
      expect(listed[0]!.receivedAt).toBe(T0);
    });

    describe('analysis', () => {
      const lcp: number[] = [];
      const inp: number[] = [];
      const from = T0 + 10 * DAY;
      beforeAll(async () => {
        const batch: ReceivedBeacon[] = [];
        // Deterministic pseudo-random values: 3 days, two routes, two device classes.
        let x = 7;
        const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
        for (let i = 0; i < 300; i++) {
          const route = i % 3 === 0 ? '/cart' : '/items/:id';
          const deviceClass = i % 2 === 0 ? 'mobile' : 'desktop';
          const l = Math.round(rnd() * 6000);
          const n = Math.round(rnd() * 800);
          if (route === '/items/:id' && deviceClass === 'mobile') {
            lcp.push(l);
            inp.push(n);
          }
          batch.push({
            receivedAt: from + (i % 3) * DAY + i,
            beacon: makeBeacon({
              context: { route, deviceClass, effectiveType: i % 5 === 0 ? '3g' : '4g' },
              events: [
                vital('LCP', l, { route, attribution: { target: i % 4 === 0 ? 'img.hero' : 'h1' } }),
                vital('INP', n, { route, attribution: { target: 'button#buy' } }),
              ],
            }),
          });
        }
        await storage.insertBatch(batch);
      });

      it('computes exact percentiles per metric x route x device', async () => {
        const rows = await storage.percentiles({ from, to: from + 3 * DAY, groupBy: ['route', 'deviceClass'] });
        const row = rows.find((r) => r.metric === 'LCP' && r.route === '/items/:id' && r.deviceClass === 'mobile');
        expect(row).toBeDefined();
        expect(row!.count).toBe(lcp.length);
        for (const [key, p] of [
          ['p50', 0.5],
          ['p75', 0.75],
          ['p90', 0.9],
          ['p99', 0.99],
        ] as const) {
          expect(row![key]).toBeCloseTo(percentileCont(lcp, p), 6);
        }
        const filtered = await storage.percentiles({ from, metric: 'INP', route: '/items/:id', deviceClass: 'mobile' });
        expect(filtered).toHaveLength(1);
        expect(filtered[0]!.p75).toBeCloseTo(percentileCont(inp, 0.75), 6);
        const threeG = await storage.percentiles({ from, connection: '3g', metric: 'LCP' });
        expect(threeG[0]!.count).toBe(60);
      });

      it('counts good / needs-improvement / poor at the web-vitals thresholds', async () => {
        const [row] = await storage.ratings({ from, metric: 'LCP', route: '/items/:id', deviceClass: 'mobile' });
        expect(row).toEqual({
          metric: 'LCP',
          count: lcp.length,
          good: lcp.filter((v) => v <= 2500).length,
          needsImprovement: lcp.filter((v) => v > 2500 && v <= 4000).length,
          poor: lcp.filter((v) => v > 4000).length,
        });
      });

      it('returns a daily trend', async () => {
        const rows = await storage.trend({ from, metric: 'LCP' });
        expect(rows.map((r) => r.bucketStart)).toEqual([from, from + DAY, from + 2 * DAY]);
        expect(rows.map((r) => r.count)).toEqual([100, 100, 100]);
      });

      it('lists top targets per metric and routes', async () => {
        const rows = await storage.topTargets({ from, limit: 1 });
        expect(rows.map((r) => [r.metric, r.target, r.count])).toEqual([
          ['INP', 'button#buy', 300],
          ['LCP', 'h1', 225],
        ]);
        expect(await storage.routes({ from })).toEqual(['/cart', '/items/:id']);
      });
    });

    it('computes delivery loss from seq gaps and client drops', async () => {
      const from = T0 + 50 * DAY;
      const pv = makeBeacon().pageViewId;
      const pv2 = makeBeacon().pageViewId;
      const at = (beacon: ReturnType<typeof makeBeacon>) => ({ beacon, receivedAt: from + 5 });
      await storage.insertBatch([
        at(makeBeacon({ pageViewId: pv, seq: 0 })),
        at(makeBeacon({ pageViewId: pv, seq: 2, dropped: 3 })),
        at(makeBeacon({ pageViewId: pv, seq: 5 })),
        at(makeBeacon({ pageViewId: pv2, seq: 0 })),
      ]);
      expect(await storage.deliveryLoss({ from, to: from + DAY })).toEqual({
        pageViews: 2,
        expected: 7,
        received: 4,
        missing: 3,
        lossRate: 3 / 7,
        clientDropped: 3,
      });
    });
  });
}
