import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createJournalLoader } from '../createJournalLoader.js';
import { openIngestJournal } from '../openIngestJournal.js';
import { createSqlQueries } from '../sqlQueries.js';
import { beaconKey } from '../toRows.js';
import type { RumStorage } from '../types.js';
import { createRecentKeys } from './createRecentKeys.js';
import { DUCKDB_DIALECT } from './duckDBSchema.js';
import { openDuckDBWorker } from './openDuckDBWorker.js';

/** Options of {@link createDuckDBStorage}. */
export interface DuckDBStorageOptions {
  /** Directory holding `rum.duckdb` (and its write-ahead log); created when missing. */
  dataDir: string;
  /** Open without write access (e.g. for reports while nothing else holds the file). @default false */
  readOnly?: boolean;
  /**
   * DuckDB worker threads. Ingest is many small transactions, and a second thread doubled the CPU spent per beacon
   * (measured: 1.37 s vs 2.35 s of CPU for 20,000 beacons) without making the 1M-beacon p75 query faster on 2 cores.
   * Raise it on a large machine for heavy dashboard queries. @default 1
   */
  threads?: number;
  /** WAL size that triggers a checkpoint (DuckDB `checkpoint_threshold`). @default DuckDB's default (16MB) */
  checkpointThreshold?: string;
  /** Recently stored (pageViewId, seq) keys remembered to skip duplicates without a database round trip. @default 200_000 */
  recentKeys?: number;
  /** Called when storing journaled beacons fails (they stay journaled and are retried). @default logs to stderr */
  onLoadError?: (error: unknown) => void;
  /**
   * Most beacons the background loader commits to DuckDB at once. @default 1000
   */
  loadBatch?: number;
  /**
   * How long journaled beacons may wait to be committed to DuckDB together (a query, or `loadBatch` beacons waiting,
   * commits them at once). A DuckDB commit has a fixed cost: measured here, 50 beacons per commit cost 72 us of CPU
   * per beacon and 1,000 cost 21 us, and at a steady few thousand beacons/s without a wait commits stay small.
   * Acknowledgements do not wait for it: the journal already made the beacons durable. @default 250
   */
  loadDelayMs?: number;
}

/**
 * The embedded store: one DuckDB file in `dataDir`. Chosen over SQLite because it installs prebuilt (no native
 * build) and answers exact percentiles over a million rows in milliseconds (columnar scans). A batch is
 * acknowledged once it is fsynced to the ingest journal (`dataDir/journal`), so an acknowledged beacon survives
 * `kill -9`; a background loader then commits it to DuckDB, and whatever a crash left in the journal is stored
 * before the next start serves. Queries wait for the loader, so they see every acknowledged beacon. DuckDB itself
 * runs in a worker thread, so that its synchronous appends never hold up the answers.
 */
export async function createDuckDBStorage(options: DuckDBStorageOptions): Promise<RumStorage> {
  if (!options.dataDir) throw new Error('createDuckDBStorage: dataDir is required');
  await mkdir(options.dataDir, { recursive: true });
  const db = await openDuckDBWorker({
    path: join(options.dataDir, 'rum.duckdb'),
    readOnly: options.readOnly ?? false,
    threads: Math.max(1, options.threads ?? 1),
    ...(options.checkpointThreshold ? { checkpointThreshold: options.checkpointThreshold } : {}),
  });
  const run = db.query;
  const queries = createSqlQueries(run, DUCKDB_DIALECT);

  if (options.readOnly) {
    return {
      kind: 'duckdb',
      maxConcurrentWrites: 1,
      ...queries,
      async insertBatch() {
        throw new Error('storage is read-only');
      },
      close: () => db.close(),
    };
  }

  const recentKeys = options.recentKeys ?? 200_000;
  const recent = createRecentKeys(recentKeys);
  const storedUpTo = Number((await run('SELECT max(loaded_id) AS id FROM rum_journal', []))[0]?.id ?? 0);
  const { journal, leftover } = await openIngestJournal(join(options.dataDir, 'journal'), { storedUpTo });

  const onLoadError =
    options.onLoadError ??
    ((error) => console.error('[rum-collector] storing journaled beacons failed, retrying:', error));
  let recovering = true;
  let recoveryFailed: (error: unknown) => void = () => undefined;
  const loader = createJournalLoader({
    storedUpTo,
    store: (beacons, duplicates, journalId) => db.store(beacons, duplicates, journalId),
    release: (id) => journal.release(id),
    onError: (error) => (recovering ? recoveryFailed(error) : onLoadError(error)),
    maxBatch: options.loadBatch ?? 1000,
    lingerMs: options.loadDelayMs ?? 250,
  });
  // What a crash left in the journal goes into the database, through the same loader, before anything new is
  // accepted; a store that fails now fails the start.
  try {
    for (const entry of leftover) loader.push(entry);
    await Promise.race([loader.caughtUp(), new Promise<never>((_, reject) => (recoveryFailed = reject))]);
  } catch (error) {
    await loader.close();
    await journal.close();
    await db.close();
    throw error;
  }
  recovering = false;
  await journal.release(loader.storedUpTo);
  // Duplicates are mostly recent retries: remembering the newest keys catches them at once after a restart too.
  for (const row of await run(
    `SELECT page_view_id AS p, seq AS s FROM rum_beacons ORDER BY received_at DESC LIMIT ${Math.floor(recentKeys / 2)}`,
    [],
  )) {
    recent.add(beaconKey(String(row.p), String(row.s)));
  }

  // Queries see every acknowledged beacon: each waits until the loader has stored what was journaled before it.
  const readYourWrites = Object.fromEntries(
    Object.entries(queries).map(([name, query]) => [
      name,
      async (...args: unknown[]) => {
        await loader.caughtUp();
        return (query as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as typeof queries;

  let closed = false;
  return {
    kind: 'duckdb',
    // Two group commits in flight: the journal writes the next batch while the previous one's fdatasync runs.
    maxConcurrentWrites: 2,
    ...readYourWrites,
    async insertBatch(batch) {
      if (closed) throw new Error('storage is closed');
      const seen = new Set<string>();
      const fresh = batch.map(({ beacon }) => {
        const key = beaconKey(beacon.pageViewId, beacon.seq);
        if (seen.has(key) || recent.has(key)) return false;
        seen.add(key);
        return true;
      });
      const beacons = batch.filter((_, i) => fresh[i]);
      const duplicates = batch.length - beacons.length;
      // Remembered before the write, so a concurrent batch with the same key counts it as a duplicate; forgotten
      // again if the write fails, so the client's retry is stored.
      for (const key of seen) recent.add(key);
      let id: number;
      try {
        // Acknowledged once the journal has it on disk; the database catches up in the background, so a DuckDB
        // checkpoint (which holds commits for 100-200 ms) no longer holds up the answer to the browser.
        id = await journal.append(beacons, duplicates);
      } catch (error) {
        for (const key of seen) recent.delete(key);
        throw error;
      }
      loader.push({ id, beacons, duplicates });
      return { inserted: beacons.length, duplicates, fresh };
    },
    async close() {
      if (closed) return;
      closed = true;
      await loader.close();
      await journal.close();
      await journal.release(loader.storedUpTo);
      await db.close();
    },
  };
}
