import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteOutbox } from '../test-utils/deleteOutbox.js';
import { outboxRecord as record } from '../test-utils/outboxRecord.js';
import { peekOutbox } from '../test-utils/peekOutbox.js';
import { forgetBeacon, keepBeacon, readBeacons, type StoredBeacon } from './outbox.js';

beforeEach(deleteOutbox);

const keep = async (...records: ReturnType<typeof record>[]) => {
  for (const r of records) await keepBeacon(r);
};
const seqs = (records: StoredBeacon[]) => records.map(({ beacon }) => [beacon.seq, beacon.dropped]);

/** Writes a list at key 0, as the previous release stored its outbox. */
function storeLegacyList(list: ReturnType<typeof record>[]): Promise<unknown> {
  return new Promise((resolve) => {
    const open = indexedDB.open('pronto-rum');
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onsuccess = () => {
      const tx = open.result.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').put(list, 0);
      tx.oncomplete = resolve;
      open.result.close();
    };
  });
}

describe('IndexedDB outbox', () => {
  it('reads beacons oldest first (page views by start time, then seq) and keeps them until forgotten', async () => {
    // Page view ids as the client makes them: the start time in base 36, then random characters.
    const view = (startedAt: number, seq: number) => {
      const { url, beacon } = record(seq);
      return { url, beacon: { ...beacon, pageViewId: `${startedAt.toString(36)}zz9q` } };
    };
    await keep(view(1_800_000_000_000, 0), view(1_700_000_000_000, 10), view(1_700_000_000_000, 9));
    expect((await readBeacons(10)).map((r) => [r.beacon.pageViewId.slice(0, 8), r.beacon.seq])).toEqual([
      [(1_700_000_000_000).toString(36), 9],
      [(1_700_000_000_000).toString(36), 10],
      [(1_800_000_000_000).toString(36), 0],
    ]);
    expect(await peekOutbox()).toHaveLength(3);
  });

  it('keeps at most `max` once read, drops the oldest and counts them in the next one to be sent', async () => {
    await keep(record(0), record(1), record(2), record(3), record(4));
    expect(seqs(await readBeacons(3))).toEqual([
      [2, 2],
      [3, undefined],
      [4, undefined],
    ]);
    expect(seqs(await peekOutbox())).toEqual(seqs(await readBeacons(3)));
  });

  it('carries counts of beacons that were themselves evicted', async () => {
    await keep(record(0, 5), record(1), record(2));
    await readBeacons(2); // evicts seq 0, which carried 5: seq 1 now carries 6
    await keep(record(3));
    expect(seqs(await readBeacons(2))).toEqual([
      [2, 7],
      [3, undefined],
    ]);
  });

  it('forgets a confirmed beacon by (pageViewId, seq) and leaves the others', async () => {
    await keep(record(0), record(1), record(2));
    await forgetBeacon(record(1).beacon);
    await forgetBeacon({ ...record(0).beacon, pageViewId: 'another-view' });
    expect((await readBeacons(10)).map((r) => r.beacon.seq)).toEqual([0, 2]);
  });

  it('once the outbox is open, a write is requested in the calling task', async () => {
    await readBeacons(10);
    let committed = 0;
    for (const seq of [0, 1, 2]) void keepBeacon(record(seq)).then(() => committed++);
    // The three transactions exist already: a read queued behind them sees all three.
    expect((await readBeacons(10)).map((r) => r.beacon.seq)).toEqual([0, 1, 2]);
    expect(committed).toBe(3);
  });

  it("moves the previous release's list into records, in order, and bounds it", async () => {
    await storeLegacyList([record(0), record(1), record(2)]);
    await keep(record(3));
    await readBeacons(3);
    expect(seqs(await peekOutbox())).toEqual([
      [1, 1],
      [2, undefined],
      [3, undefined],
    ]);
    await forgetBeacon(record(1).beacon);
    expect((await readBeacons(3)).map((r) => r.beacon.seq)).toEqual([2, 3]);
  });

  it('reconnects after the database was deleted under an open connection (site data cleared)', async () => {
    await keep(record(0));
    await deleteOutbox();
    await keep(record(1));
    expect((await readBeacons(10)).map((r) => r.beacon.seq)).toEqual([1]);
  });
});
