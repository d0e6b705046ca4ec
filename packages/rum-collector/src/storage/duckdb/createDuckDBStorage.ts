import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { createJournalLoader } from '../createJournalLoader.js';
import { importPeer } from '../importPeer.js';
import { openIngestJournal } from '../openIngestJournal.js';
import { createSqlQueries } from '../sqlQueries.js';
import { beaconKey, toRows, type BeaconRow } from '../toRows.js';
import type { ReceivedBeacon, RumStorage } from '../types.js';
import { appendRows, type RowsToAppend } from './appendRows.js';
import { createRecentKeys } from './createRecentKeys.js';
import { DUCKDB_DIALECT, DUCKDB_SCHEMA } from './duckDBSchema.js';

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
   * Most beacons the background loader commits to DuckDB at once. Appending rows runs on the event loop, so a
   * larger commit delays the answers to beacons arriving meanwhile. @default 1000
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

const isKeyViolation = (error: unknown): boolean => /primary key|duplicate key|constraint/i.test(String(error));

/**
 * The embedded store: one DuckDB file in `dataDir`. Chosen over SQLite because it installs prebuilt (no native
 * build) and answers exact percentiles over a million rows in milliseconds (columnar scans). A batch is
 * acknowledged once it is fsynced to the ingest journal (`dataDir/journal`), so an acknowledged beacon survives
 * `kill -9`; a background loader then commits it to DuckDB, and whatever a crash left in the journal is stored
 * before the next start serves. Queries wait for the loader, so they see every acknowledged beacon.
 */
export async function createDuckDBStorage(options: DuckDBStorageOptions): Promise<RumStorage> {
  if (!options.dataDir) throw new Error('createDuckDBStorage: dataDir is required');
  // Imported here, not at the top: PostgreSQL users and `pronto-rum budget --url` never load the native binding.
  const { DuckDBInstance } = await importPeer('@duckdb/node-api', 'The DuckDB store', () => import('@duckdb/node-api'));
  await mkdir(options.dataDir, { recursive: true });
  const instance = await DuckDBInstance.create(join(options.dataDir, 'rum.duckdb'), {
    access_mode: options.readOnly ? 'READ_ONLY' : 'READ_WRITE',
    threads: String(Math.max(1, options.threads ?? 1)),
    ...(options.checkpointThreshold ? { checkpoint_threshold: options.checkpointThreshold } : {}),
  });
  // Reads on their own connection: a long dashboard query must not hold up a commit.
  const reader = await instance.connect();
  const run = async (sql: string, params: unknown[]) => {
    const result = await reader.runAndReadAll(sql, params as DuckDBValue[]);
    return result.getRowObjectsJS() as Record<string, unknown>[];
  };
  const queries = createSqlQueries(run, DUCKDB_DIALECT);

  if (options.readOnly) {
    return {
      kind: 'duckdb',
      maxConcurrentWrites: 1,
      ...queries,
      async insertBatch() {
        throw new Error('storage is read-only');
      },
      async close() {
        reader.closeSync();
        instance.closeSync();
      },
    };
  }

  await reader.run(DUCKDB_SCHEMA);
  const writer = await instance.connect();
  const recentKeys = options.recentKeys ?? 200_000;
  const recent = createRecentKeys(recentKeys);
  const storedUpTo = Number((await run('SELECT max(loaded_id) AS id FROM rum_journal', []))[0]?.id ?? 0);
  const { journal, leftover } = await openIngestJournal(join(options.dataDir, 'journal'), { storedUpTo });

  /** Stores journaled beacons and the journal position in one transaction. */
  async function store(batch: readonly ReceivedBeacon[], knownDuplicates: number, journalId: number): Promise<void> {
    const { beacons, events, repeats } = toRows(batch);
    const rowsOf = (kept: readonly BeaconRow[]): RowsToAppend => ({
      beacons: kept,
      events: kept.flatMap((r) => events.get(beaconKey(r[0], r[1])) ?? []),
      duplicates: knownDuplicates + repeats + beacons.length - kept.length,
    });
    try {
      await commit(writer, rowsOf(beacons), journalId);
    } catch (error) {
      if (!isKeyViolation(error)) throw error;
      // The primary key refused a duplicate the key cache did not know (e.g. an outbox replayed long after): look
      // up which of the batch are stored, and commit the rest with those counted as duplicates.
      const stored = await storedKeys(writer, beacons);
      await commit(writer, rowsOf(beacons.filter((r) => !stored.has(beaconKey(r[0], r[1])))), journalId);
    }
  }

  const onLoadError =
    options.onLoadError ??
    ((error) => console.error('[rum-collector] storing journaled beacons failed, retrying:', error));
  let recovering = true;
  let recoveryFailed: (error: unknown) => void = () => undefined;
  const loader = createJournalLoader({
    storedUpTo,
    store,
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
    writer.closeSync();
    reader.closeSync();
    instance.closeSync();
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
    maxConcurrentWrites: 1,
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
      writer.closeSync();
      reader.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * One transaction: the rows, then the journal position (so that after a crash, recovery replays exactly the entries
 * this did not commit), then COMMIT.
 */
async function commit(writer: DuckDBConnection, rows: RowsToAppend, journalId: number): Promise<void> {
  await writer.run('BEGIN TRANSACTION');
  try {
    await appendRows(writer, rows);
    await writer.run('UPDATE rum_journal SET loaded_id = $1', [journalId]);
    await writer.run('COMMIT');
  } catch (error) {
    await writer.run('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Which of these rows' (pageViewId, seq) are stored already: one lookup, on the rare path where the key cache missed. */
async function storedKeys(connection: DuckDBConnection, rows: readonly BeaconRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((r) => r[0]))];
  const result = await connection.runAndReadAll(
    `SELECT page_view_id AS p, seq AS s FROM rum_beacons WHERE page_view_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
    ids,
  );
  return new Set(result.getRowObjectsJS().map((row) => beaconKey(String(row['p']), String(row['s']))));
}
