/** How the worker opens the database. @internal */
export interface DuckDBWorkerOptions {
  /** Path of the database file. */
  path: string;
  readOnly: boolean;
  threads: number;
  checkpointThreshold?: string;
}

/** A request to the DuckDB worker; `id` pairs it with its reply. @internal */
export type DuckDBWorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | {
      id: number;
      op: 'store';
      /** Each beacon as received: its arrival time and its JSON text (parsed again in the worker, off the event loop). */
      beacons: [receivedAt: number, json: string][];
      duplicates: number;
      journalId: number;
    }
  | { id: number; op: 'close' };

/** The worker's answer to request `id` (id 0: the database is open, or could not be opened). @internal */
export type DuckDBWorkerReply =
  { id: number; ok: true; rows?: Record<string, unknown>[] } | { id: number; ok: false; error: string };
