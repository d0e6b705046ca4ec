import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeBeacon, vital } from '../../test-utils/makeBeacon.js';
import { createDuckDBStorage } from './createDuckDBStorage.js';
import { openIngestJournal } from '../openIngestJournal.js';
import { storageSuite } from '../../test-utils/storageSuite.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dirs: string[] = [];
/** A data directory of its own for one test, removed after it. */
const freshDir = (name: string): string => {
  const fresh = mkdtempSync(join(tmpdir(), `rum-duckdb-${name}-`));
  dirs.push(fresh);
  return fresh;
};
afterEach(() => {
  for (const used of dirs.splice(0)) rmSync(used, { recursive: true, force: true });
});

storageSuite('duckdb', () => createDuckDBStorage({ dataDir: dir }));

describe('duckdb in its worker thread', () => {
  it("passes on DuckDB's own reason when the database cannot be opened", async () => {
    await expect(createDuckDBStorage({ dataDir: freshDir('missing'), readOnly: true })).rejects.toThrow(
      /Cannot open database .*rum\.duckdb" in read-only mode: database does not exist/,
    );
  });

  it('answers queries after close with an error instead of hanging', async () => {
    const storage = await createDuckDBStorage({ dataDir: freshDir('closed') });
    await storage.insertBatch([{ beacon: makeBeacon(), receivedAt: 1 }]);
    expect(await storage.countBeacons()).toBe(1);
    await storage.close();
    await expect(storage.countBeacons()).rejects.toThrow(/DuckDB worker stopped/);
  });
});

describe('duckdb across restarts', () => {
  it('skips a beacon stored before a restart (the newest keys are reloaded into the key cache)', async () => {
    const restartDir = freshDir('restart');
    const old = makeBeacon();
    const first = await createDuckDBStorage({ dataDir: restartDir });
    await first.insertBatch([{ beacon: old, receivedAt: 1 }]);
    await first.close();
    const second = await createDuckDBStorage({ dataDir: restartDir });
    const neu = makeBeacon();
    expect(
      await second.insertBatch([
        { beacon: old, receivedAt: 2 },
        { beacon: neu, receivedAt: 2 },
      ]),
    ).toEqual({
      inserted: 1,
      duplicates: 1,
      fresh: [false, true],
    });
    expect(await second.insertBatch([{ beacon: old, receivedAt: 3 }])).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(await second.countBeacons()).toBe(2);
    expect(await second.countEvents()).toBe(2);
    expect(await second.countDuplicates()).toBe(2);
    await second.close();
  });

  it('refuses, with the primary key, a duplicate older than the key cache, and counts it once', async () => {
    const oldDir = freshDir('old-duplicate');
    const old = makeBeacon();
    const first = await createDuckDBStorage({ dataDir: oldDir });
    await first.insertBatch([{ beacon: old, receivedAt: 1 }]);
    for (let i = 2; i < 6; i++) await first.insertBatch([{ beacon: makeBeacon(), receivedAt: i }]);
    await first.close();
    // A cache of 2 keys reloads only the newest one: `old` is unknown to it.
    const second = await createDuckDBStorage({ dataDir: oldDir, recentKeys: 2 });
    // The answer cannot know yet (documented): it is journaled as new...
    expect((await second.insertBatch([{ beacon: old, receivedAt: 9 }])).fresh).toEqual([true]);
    // ...and the load finds the stored copy: still 5 beacons, one duplicate counted, the original kept.
    expect(await second.countBeacons()).toBe(5);
    expect(await second.countDuplicates()).toBe(1);
    expect((await second.listBeacons({ pageViewId: old.pageViewId })).map((b) => b.receivedAt)).toEqual([1]);
    await second.close();
  });

  it('stores the batch-mates of a duplicate older than the key cache in the same commit, and counts it once', async () => {
    const mixedDir = freshDir('mixed-duplicate');
    const old = makeBeacon();
    const first = await createDuckDBStorage({ dataDir: mixedDir });
    await first.insertBatch([{ beacon: old, receivedAt: 1 }]);
    for (let i = 2; i < 6; i++) await first.insertBatch([{ beacon: makeBeacon(), receivedAt: i }]);
    await first.close();
    const second = await createDuckDBStorage({ dataDir: mixedDir, recentKeys: 2 });
    const neu = [makeBeacon(), makeBeacon()];
    // One journal entry, so one load commit, that the primary key refuses because of `old`.
    await second.insertBatch([
      { beacon: neu[0]!, receivedAt: 9 },
      { beacon: old, receivedAt: 9 },
      { beacon: neu[1]!, receivedAt: 9 },
    ]);
    expect(await second.countBeacons()).toBe(7);
    expect(await second.countEvents()).toBe(7);
    expect(await second.countDuplicates()).toBe(1);
    expect((await second.listBeacons({ pageViewId: old.pageViewId })).map((b) => b.receivedAt)).toEqual([1]);
    await second.close();
    expect(readdirSync(join(mixedDir, 'journal'))).toEqual([]);
  });

  it('stores a beacon whose strings hold a lone surrogate (an escape JSON.parse accepts), as U+FFFD', async () => {
    const surrogateDir = freshDir('surrogate');
    const storage = await createDuckDBStorage({
      dataDir: surrogateDir,
      onLoadError: (error) => {
        throw error;
      },
    });
    const route = JSON.parse('"/a\\ud800b"') as string;
    const beacon = makeBeacon({ context: { route, deviceClass: 'mobile' }, events: [vital('LCP', 1000, { route })] });
    await storage.insertBatch([
      { beacon, receivedAt: 1 },
      { beacon: makeBeacon(), receivedAt: 1 },
    ]);
    expect(await storage.countBeacons()).toBe(2);
    expect(await storage.routes()).toContain('/a\ufffdb');
    await storage.close();
  });

  it('stores at start what a crash left in the ingest journal, and nothing it had stored already', async () => {
    const crashDir = freshDir('crash');
    const stored = makeBeacon();
    const first = await createDuckDBStorage({ dataDir: crashDir });
    await first.insertBatch([{ beacon: stored, receivedAt: 1 }]);
    await first.close();
    expect(readdirSync(join(crashDir, 'journal'))).toEqual([]);

    // A crash after the journal fsync, before the database commit: entry 1 is stored, entry 2 is not.
    const lost = makeBeacon();
    const { journal } = await openIngestJournal(join(crashDir, 'journal'), { storedUpTo: 0 });
    await journal.append([{ beacon: stored, receivedAt: 1 }], 0);
    await journal.append([{ beacon: lost, receivedAt: 2 }], 1);

    const second = await createDuckDBStorage({ dataDir: crashDir });
    expect(await second.countBeacons()).toBe(2);
    expect((await second.listBeacons({ pageViewId: lost.pageViewId })).map((b) => b.beacon)).toEqual([lost]);
    // The replayed entry 1 is not counted as a duplicate; entry 2's recorded duplicate is.
    expect(await second.countDuplicates()).toBe(1);
    await second.close();
    expect(readdirSync(join(crashDir, 'journal'))).toEqual([]);
  });

  it('answers queries with every acknowledged beacon (reads wait for the background commit)', async () => {
    const readDir = freshDir('read');
    const storage = await createDuckDBStorage({ dataDir: readDir });
    for (let i = 0; i < 20; i++) await storage.insertBatch([{ beacon: makeBeacon(), receivedAt: i }]);
    expect(await storage.countBeacons()).toBe(20);
    await storage.close();
  });

  it('keeps concurrent batches in order: each stored once, the same key in two of them counted once as a duplicate', async () => {
    const concurrentDir = freshDir('concurrent');
    const storage = await createDuckDBStorage({ dataDir: concurrentDir });
    const shared = makeBeacon();
    const results = await Promise.all([
      storage.insertBatch([{ beacon: shared, receivedAt: 1 }]),
      ...Array.from({ length: 30 }, (_, i) => storage.insertBatch([{ beacon: makeBeacon(), receivedAt: i }])),
      storage.insertBatch([{ beacon: shared, receivedAt: 2 }]),
    ]);
    expect(results.map((r) => r.fresh[0])).toEqual([true, ...Array.from({ length: 30 }, () => true), false]);
    expect(await storage.countBeacons()).toBe(31);
    expect(await storage.countDuplicates()).toBe(1);
    await storage.close();
    // Everything was stored in order, so nothing is replayed (or counted again) at the next start.
    expect(readdirSync(join(concurrentDir, 'journal'))).toEqual([]);
    const reopened = await createDuckDBStorage({ dataDir: concurrentDir });
    expect(await reopened.countBeacons()).toBe(31);
    expect(await reopened.countDuplicates()).toBe(1);
    await reopened.close();
  });
});
