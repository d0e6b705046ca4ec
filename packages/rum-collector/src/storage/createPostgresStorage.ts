import type { Pool, PoolClient } from 'pg';
import { importPeer } from './importPeer.js';
import { createSqlQueries } from './sqlQueries.js';
import { beaconKey, BEACON_COLUMNS, EVENT_COLUMNS, markFresh, toRows, type EventRow } from './toRows.js';
import type { InsertResult, ReceivedBeacon, RumStorage } from './types.js';

/** Options of {@link createPostgresStorage}. */
export interface PostgresStorageOptions {
  /** libpq connection string, e.g. postgres://rum@db:5432/rum. Ignored when `pool` is given. */
  connectionString?: string;
  /** An existing pg Pool to use; it is not ended by close(). */
  pool?: Pool;
  /** Connections of the pool created from connectionString. @default 4 */
  maxConnections?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rum_beacons (
  page_view_id text NOT NULL, seq bigint NOT NULL, received_at bigint NOT NULL, sent_at double precision NOT NULL,
  dropped integer NOT NULL, route text NOT NULL, device_class text NOT NULL, connection text NOT NULL,
  app_version text, body text NOT NULL, PRIMARY KEY (page_view_id, seq));
CREATE INDEX IF NOT EXISTS rum_beacons_received_at ON rum_beacons (received_at);
CREATE TABLE IF NOT EXISTS rum_events (
  received_at bigint NOT NULL, page_view_id text NOT NULL, seq bigint NOT NULL, type text NOT NULL,
  name text NOT NULL, value double precision NOT NULL, route text NOT NULL, device_class text NOT NULL,
  connection text NOT NULL, navigation_type text, target text, t double precision NOT NULL);
CREATE INDEX IF NOT EXISTS rum_events_received_at ON rum_events (received_at, name, route);
CREATE TABLE IF NOT EXISTS rum_stats (id integer PRIMARY KEY, duplicates bigint NOT NULL);
INSERT INTO rum_stats VALUES (1, 0) ON CONFLICT DO NOTHING;`;

/** Advisory lock key held while the schema is created (an arbitrary constant of this package: "prum"). */
const SCHEMA_LOCK_KEY = 0x7072756d;

// Column types for unnest(): one array parameter per column keeps a batch to one round trip whatever its size.
const BEACON_TYPES = ['text', 'bigint', 'bigint', 'float8', 'int4', 'text', 'text', 'text', 'text', 'text'];
const EVENT_TYPES = [
  'bigint',
  'text',
  'bigint',
  'text',
  'text',
  'float8',
  'text',
  'text',
  'text',
  'text',
  'text',
  'float8',
];

function columns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) row.forEach((v, i) => cols[i]!.push(v));
  return cols;
}

const unnest = (types: readonly string[]) => `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;

async function write(client: PoolClient, batch: readonly ReceivedBeacon[]): Promise<InsertResult> {
  const { beacons, events, repeats } = toRows(batch);
  if (beacons.length === 0) return { inserted: 0, duplicates: repeats, fresh: batch.map(() => false) };
  const inserted = await client.query<{ page_view_id: string; seq: string }>(
    `INSERT INTO rum_beacons (${BEACON_COLUMNS}) SELECT * FROM ${unnest(BEACON_TYPES)}
     ON CONFLICT DO NOTHING RETURNING page_view_id, seq`,
    columns(beacons, BEACON_TYPES.length),
  );
  const keys = inserted.rows.map((r) => beaconKey(r.page_view_id, r.seq));
  const eventRows: EventRow[] = keys.flatMap((k) => events.get(k) ?? []);
  if (eventRows.length > 0) {
    await client.query(
      `INSERT INTO rum_events (${EVENT_COLUMNS}) SELECT * FROM ${unnest(EVENT_TYPES)}`,
      columns(eventRows, EVENT_TYPES.length),
    );
  }
  const duplicates = repeats + beacons.length - keys.length;
  if (duplicates > 0)
    await client.query('UPDATE rum_stats SET duplicates = duplicates + $1 WHERE id = 1', [duplicates]);
  return { inserted: keys.length, duplicates, fresh: markFresh(batch, new Set(keys)) };
}

/**
 * PostgreSQL storage for teams that already run it (or outgrow one machine). Same tables and the same analysis
 * SQL as the embedded store; a commit with the default `synchronous_commit = on` is on disk before the ack.
 * Needs the optional peer dependency `pg`.
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<RumStorage> {
  let pool = options.pool;
  const ownsPool = pool === undefined;
  if (!pool) {
    if (!options.connectionString) throw new Error('createPostgresStorage: give connectionString or pool');
    const { default: pg } = await importPeer('pg', 'The PostgreSQL store', () => import('pg'));
    pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 4 });
  }
  const db = pool;
  // Replicas start together: concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog (duplicate
  // pg_type row), so the schema is made under a transaction-scoped advisory lock, one collector at a time.
  await db.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY}); ${SCHEMA} COMMIT;`);

  const queries = createSqlQueries(async (sql, params) => (await db.query(sql, params)).rows, {
    duplicates: 'SELECT CAST(duplicates AS DOUBLE PRECISION) AS n FROM rum_stats WHERE id = 1',
    percentileList: 'percentile_cont(ARRAY[0.5, 0.75, 0.9, 0.99]) WITHIN GROUP (ORDER BY value)',
    p75: 'percentile_cont(0.75) WITHIN GROUP (ORDER BY value)',
  });

  return {
    kind: 'postgres',
    // Leave one pooled connection for dashboard and budget reads.
    maxConcurrentWrites: Math.max(1, (options.maxConnections ?? 4) - 1),
    ...queries,
    async insertBatch(batch) {
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        const result = await write(client, batch);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (ownsPool) await db.end();
    },
  };
}
