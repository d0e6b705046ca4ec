// The DuckDB side of the embedded store, run in a worker thread. Appending rows and flushing them into a table are
// synchronous calls of the DuckDB binding: on the main thread, a commit of 1,000 beacons held every answer for about
// 20 ms. Here they run beside the event loop that answers the browsers.
import { parentPort, workerData } from 'node:worker_threads';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Beacon } from '../../beacon.js';
import { importPeer } from '../importPeer.js';
import { beaconKey, toRows, type BeaconRow } from '../toRows.js';
import type { ReceivedBeacon } from '../types.js';
import { appendRows, type RowsToAppend } from './appendRows.js';
import { DUCKDB_SCHEMA } from './duckDBSchema.js';
import type { DuckDBWorkerOptions, DuckDBWorkerReply, DuckDBWorkerRequest } from './duckDBWorkerProtocol.js';

const port = parentPort!;
const reply = (message: DuckDBWorkerReply) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function open({ path, readOnly, threads, checkpointThreshold }: DuckDBWorkerOptions) {
  const { DuckDBInstance } = await importPeer('@duckdb/node-api', 'The DuckDB store', () => import('@duckdb/node-api'));
  const instance = await DuckDBInstance.create(path, {
    access_mode: readOnly ? 'READ_ONLY' : 'READ_WRITE',
    threads: String(threads),
    ...(checkpointThreshold ? { checkpoint_threshold: checkpointThreshold } : {}),
  });
  // Reads on their own connection: a long dashboard query must not hold up a commit.
  const reader = await instance.connect();
  const writer = readOnly ? undefined : await instance.connect();
  if (!readOnly) await reader.run(DUCKDB_SCHEMA);
  return { instance, reader, writer };
}

const db = open(workerData as DuckDBWorkerOptions);
db.then(
  () => reply({ id: 0, ok: true }),
  (error: unknown) => {
    reply({ id: 0, ok: false, error: messageOf(error) });
    port.close();
  },
);

// Stores commit one after another, in journal order; queries run beside them on the reader connection (the main
// thread sends a query only once the stores it must see are done); close waits for everything sent before it.
let storing: Promise<void> = Promise.resolve();
const querying = new Set<Promise<void>>();
port.on('message', (request: DuckDBWorkerRequest) => {
  if (request.op === 'store') storing = storing.then(() => handle(request));
  else if (request.op === 'query') {
    const running = handle(request).finally(() => querying.delete(running));
    querying.add(running);
  } else void Promise.all([storing, ...querying]).then(() => handle(request));
});

async function handle(request: DuckDBWorkerRequest): Promise<void> {
  const { instance, reader, writer } = await db;
  try {
    if (request.op === 'query') {
      const result = await reader.runAndReadAll(request.sql, request.params as DuckDBValue[]);
      reply({ id: request.id, ok: true, rows: result.getRowObjectsJS() as Record<string, unknown>[] });
    } else if (request.op === 'store') {
      const batch = request.beacons.map(([receivedAt, json]): ReceivedBeacon => ({
        beacon: JSON.parse(json) as Beacon,
        receivedAt,
        json,
      }));
      await store(writer!, batch, request.duplicates, request.journalId);
      reply({ id: request.id, ok: true });
    } else {
      writer?.closeSync();
      reader.closeSync();
      instance.closeSync();
      reply({ id: request.id, ok: true }); // the main thread then ends this worker
    }
  } catch (error) {
    reply({ id: request.id, ok: false, error: messageOf(error) });
  }
}

const isKeyViolation = (message: string): boolean => /primary key|duplicate key|constraint/i.test(message);

/** Stores journaled beacons and the journal position in one transaction. */
async function store(
  writer: DuckDBConnection,
  batch: readonly ReceivedBeacon[],
  knownDuplicates: number,
  journalId: number,
): Promise<void> {
  const { beacons, events, repeats } = toRows(batch);
  const rowsOf = (kept: readonly BeaconRow[]): RowsToAppend => ({
    beacons: kept,
    events: kept.flatMap((r) => events.get(beaconKey(r[0], r[1])) ?? []),
    duplicates: knownDuplicates + repeats + beacons.length - kept.length,
  });
  try {
    await commit(writer, rowsOf(beacons), journalId);
  } catch (error) {
    if (!isKeyViolation(messageOf(error))) throw error;
    // The primary key refused a duplicate the key cache did not know (e.g. an outbox replayed long after): look
    // up which of the batch are stored, and commit the rest with those counted as duplicates.
    const stored = await storedKeys(writer, beacons);
    await commit(writer, rowsOf(beacons.filter((r) => !stored.has(beaconKey(r[0], r[1])))), journalId);
  }
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
