import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBeacon } from '../test-utils/makeBeacon.js';
import { createDuckDBStorage } from './createDuckDBStorage.js';
import { storageSuite } from '../test-utils/storageSuite.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storageSuite('duckdb', () => createDuckDBStorage({ dataDir: dir }));

describe('duckdb across restarts', () => {
  it('skips a beacon stored before a restart (primary key, not only the in-memory key cache)', async () => {
    const restartDir = mkdtempSync(join(tmpdir(), 'rum-duckdb-restart-'));
    try {
      const old = makeBeacon();
      const first = await createDuckDBStorage({ dataDir: restartDir });
      await first.insertBatch([{ beacon: old, receivedAt: 1 }]);
      await first.close();
      const second = await createDuckDBStorage({ dataDir: restartDir });
      const neu = makeBeacon();
      expect(await second.insertBatch([{ beacon: old, receivedAt: 2 }, { beacon: neu, receivedAt: 2 }])).toEqual({
        inserted: 1,
        duplicates: 1,
        fresh: [false, true],
      });
      expect(await second.insertBatch([{ beacon: old, receivedAt: 3 }])).toMatchObject({ inserted: 0, duplicates: 1 });
      expect(await second.countBeacons()).toBe(2);
      expect(await second.countEvents()).toBe(2);
      expect(await second.countDuplicates()).toBe(2);
      await second.close();
    } finally {
      rmSync(restartDir, { recursive: true, force: true });
    }
  });
});
