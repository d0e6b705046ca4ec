import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeacon, vital } from '../../test-utils/makeBeacon.js';
import { clickHouseUnavailable, startClickHouse, type TestClickHouse } from '../../test-utils/startClickHouse.js';
import { storageSuite } from '../../test-utils/storageSuite.js';
import { createClickHouseStorage } from './createClickHouseStorage.js';

const unavailable = clickHouseUnavailable();
if (unavailable) console.warn(unavailable);

let server: TestClickHouse | undefined;
beforeAll(async () => {
  if (!unavailable) server = await startClickHouse();
});
afterAll(() => server?.stop());

storageSuite(
  'clickhouse',
  () => createClickHouseStorage({ url: server!.url, database: 'rum_test' }),
  unavailable !== null,
);

describe.skipIf(unavailable !== null)('clickhouse literals', () => {
  it('filters on hostile strings exactly (values are quoted client-side: 18.16 has no query parameters)', async () => {
    const storage = await createClickHouseStorage({ url: server!.url, database: 'rum_literals' });
    try {
      const routes = ["/it's", '/back\\slash\\', "/x' OR 1=1 --", '/line\nbreak\t', '/\u2028${7*7}'];
      const pageViewId = makeBeacon().pageViewId;
      await storage.insertBatch(
        routes.map((route, seq) => ({
          beacon: makeBeacon({
            pageViewId: `${pageViewId}'\\`,
            seq,
            context: { route, deviceClass: 'mobile' },
            events: [vital('LCP', 100 * (seq + 1), { route })],
          }),
          receivedAt: 1_000 + seq,
        })),
      );
      expect(await storage.routes()).toEqual([...routes].sort());
      for (const [i, route] of routes.entries()) {
        const rows = await storage.percentiles({ route, metric: 'LCP' });
        expect(rows.map((r) => [r.count, r.p75])).toEqual([[1, 100 * (i + 1)]]);
      }
      expect(await storage.countBeacons({ pageViewId: `${pageViewId}'\\` })).toBe(routes.length);
    } finally {
      await storage.close();
    }
  });
});
