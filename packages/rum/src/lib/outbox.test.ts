import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxRecord as record } from '../test-utils/outboxRecord.js';
import { forgetBeacon, storeBeacons, takeBeacons } from './outbox.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('IndexedDB outbox', () => {
  it('returns stored beacons oldest first and empties itself', async () => {
    await storeBeacons([record(0), record(1)], 10);
    await storeBeacons([record(2)], 10);
    expect((await takeBeacons()).map((r) => r.beacon.seq)).toEqual([0, 1, 2]);
    expect(await takeBeacons()).toEqual([]);
  });

  it('keeps at most `max`, drops the oldest and counts them in the next one to be sent', async () => {
    await storeBeacons([record(0), record(1), record(2)], 3);
    await storeBeacons([record(3), record(4)], 3);
    const kept = await takeBeacons();
    expect(kept.map((r) => r.beacon.seq)).toEqual([2, 3, 4]);
    expect(kept.map((r) => r.beacon.dropped)).toEqual([2, undefined, undefined]);
  });

  it('carries counts of beacons that were themselves evicted', async () => {
    await storeBeacons([record(0, 5), record(1)], 2);
    await storeBeacons([record(2)], 2); // evicts seq 0 which carried 5
    await storeBeacons([record(3)], 2); // evicts seq 1 which now carries 6
    const kept = await takeBeacons();
    expect(kept.map((r) => [r.beacon.seq, r.beacon.dropped])).toEqual([
      [2, 7],
      [3, undefined],
    ]);
  });

  it('bounds a single oversized write too', async () => {
    await storeBeacons(
      [0, 1, 2, 3, 4].map((s) => record(s)),
      2,
    );
    const kept = await takeBeacons();
    expect(kept.map((r) => [r.beacon.seq, r.beacon.dropped])).toEqual([
      [3, 3],
      [4, undefined],
    ]);
  });

  it('forgets a confirmed beacon by (pageViewId, seq) and leaves the others', async () => {
    await storeBeacons([record(0), record(1), record(2)], 10);
    await forgetBeacon(record(1).beacon);
    await forgetBeacon({ ...record(0).beacon, pageViewId: 'another-view' });
    expect((await takeBeacons()).map((r) => r.beacon.seq)).toEqual([0, 2]);
  });
});
