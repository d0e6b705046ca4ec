import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunQuery } from '../sqlQueries.js';
import type { ReceivedBeacon } from '../types.js';
import type { DuckDBWorkerOptions, DuckDBWorkerReply, DuckDBWorkerRequest } from './duckDBWorkerProtocol.js';

/** The embedded database, behind a worker thread. @internal */
export interface DuckDBWorker {
  /** Runs one read statement on the reader connection. */
  query: RunQuery;
  /** Commits beacons, the duplicates count and the journal position `journalId` in one transaction. */
  store(beacons: readonly ReceivedBeacon[], duplicates: number, journalId: number): Promise<void>;
  /** Closes the database once everything sent before has finished, and ends the worker. */
  close(): Promise<void>;
}

/** A request before it gets its id (Omit over each member of the union). */
type Request = DuckDBWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The compiled worker next to this module; run from the TypeScript sources (tests), the one built in dist/. */
function workerFile(): URL {
  const beside = new URL('./duckDBWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL('../../../dist/storage/duckdb/duckDBWorker.js', import.meta.url);
}

/**
 * Starts the worker and opens the database in it; rejects with the worker's reason (e.g. the file is locked by
 * another process, or the DuckDB package is missing) when it cannot.
 */
export async function openDuckDBWorker(options: DuckDBWorkerOptions): Promise<DuckDBWorker> {
  const worker = new Worker(workerFile(), {
    workerData: options,
    // The process's flags, less those a worker refuses (`node --input-type=module -e ...` would fail to start it).
    execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')),
  });
  const waiting = new Map<number, { resolve: (reply: DuckDBWorkerReply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  // Kept alive only while an answer is awaited, so a process that forgets to close can still exit.
  const refWhileWaiting = () => (waiting.size > 0 ? worker.ref() : worker.unref());
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
    refWhileWaiting();
  };
  worker.on('message', (reply: DuckDBWorkerReply) => {
    const waiter = waiting.get(reply.id);
    waiting.delete(reply.id);
    refWhileWaiting();
    waiter?.resolve(reply);
  });
  worker.on('error', (error) => stop(new Error(`the DuckDB worker failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => stop(new Error(`the DuckDB worker stopped (exit code ${code})`)));

  const ask = (id: number, request?: Request): Promise<DuckDBWorkerReply> => {
    if (stopped) return Promise.reject(stopped);
    const answer = new Promise<DuckDBWorkerReply>((resolve, reject) => waiting.set(id, { resolve, reject }));
    refWhileWaiting();
    if (request) worker.postMessage({ ...request, id });
    return answer;
  };
  const call = async (request: Request): Promise<DuckDBWorkerReply & { ok: true }> => {
    const reply = await ask(nextId++, request);
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  };

  const opened = await ask(0);
  if (!opened.ok) {
    await worker.terminate();
    throw new Error(opened.error);
  }
  return {
    query: async (sql, params) => (await call({ op: 'query', sql, params })).rows ?? [],
    async store(beacons, duplicates, journalId) {
      await call({
        op: 'store',
        beacons: beacons.map((r) => [r.receivedAt, r.json ?? JSON.stringify(r.beacon)]),
        duplicates,
        journalId,
      });
    },
    async close() {
      if (stopped) return;
      await call({ op: 'close' });
      await worker.terminate();
    },
  };
}
