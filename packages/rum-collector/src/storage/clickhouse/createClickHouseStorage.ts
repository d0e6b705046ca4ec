import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import { importPeer } from '../importPeer.js';
import { beaconKey, markFresh, toRows } from '../toRows.js';
import type { InsertResult, ReceivedBeacon, RumStorage } from '../types.js';
import { createClickHouseQueries } from './clickHouseQueries.js';
import { clickHouseSchema, clickHouseTables } from './clickHouseSchema.js';
import { sqlLiteral } from './sqlLiteral.js';

/** Options of {@link createClickHouseStorage}. */
export interface ClickHouseStorageOptions {
  /** HTTP interface of a ClickHouse server (any node of a cluster). Ignored when `client` is given. @default 'http://127.0.0.1:8123' */
  url?: string;
  /** ClickHouse user. @default 'default' */
  username?: string;
  /** Password of `username`. @default '' */
  password?: string;
  /** Longest wait for one request; raise it for dashboard queries over billions of rows. @default 30_000 */
  requestTimeoutMs?: number;
  /** An existing `@clickhouse/client` client to use; it is not closed by close(). */
  client?: ClickHouseClient;
  /** Database of the tables. @default 'default' */
  database?: string;
  /** Prefix of the table names: `<table>_beacons`, `<table>_events`, `<table>_duplicates`. @default 'rum' */
  table?: string;
  /**
   * Create the database and single-server MergeTree tables when missing. Set false for a cluster, whose local and
   * `Distributed` tables you create on every server with `clickHouseSchema({ cluster })`. @default true
   */
  createTables?: boolean;
  /**
   * insertBatch calls in flight at once. ClickHouse wants few, large inserts (each makes a part that merges
   * later), and the group commit gathers beacons while one is in flight. @default 1
   */
  maxConcurrentWrites?: number;
}

// A Distributed table answers an INSERT only once every shard has the rows (without it, once they are queued on the
// receiving node's disk): an acknowledged beacon is on its shard. Harmless on a plain MergeTree table.
const INSERT_SETTINGS: ClickHouseSettings = { insert_distributed_sync: 1 };

/**
 * Storage on ClickHouse (18.16 and newer), for volumes past one machine: a MergeTree table of events ordered by
 * (metric, route, time) for the dashboard, a ReplacingMergeTree of beacons keyed by (pageViewId, seq), exact
 * percentiles. A batch is acknowledged once ClickHouse accepted both inserts. Needs the optional peer dependency
 * `@clickhouse/client`.
 */
export async function createClickHouseStorage(options: ClickHouseStorageOptions = {}): Promise<RumStorage> {
  let client = options.client;
  const ownsClient = client === undefined;
  if (!client) {
    const { createClient } = await importPeer(
      '@clickhouse/client',
      'The ClickHouse store',
      () => import('@clickhouse/client'),
    );
    client = createClient({
      url: options.url ?? 'http://127.0.0.1:8123',
      username: options.username ?? 'default',
      password: options.password ?? '',
      request_timeout: options.requestTimeoutMs ?? 30_000,
    });
  }
  const db = client;
  const tables = clickHouseTables(options);
  if (options.createTables ?? true) {
    const database = tables.beacons.split('.')[0]!;
    try {
      await db.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
      for (const statement of clickHouseSchema(options)) await db.command({ query: statement });
    } catch (error) {
      // An unreachable server must not leave the client's keep-alive pool holding the process open.
      if (ownsClient) await db.close();
      throw error;
    }
  }
  const run = async (sql: string) =>
    (await db.query({ query: sql, format: 'JSONEachRow' })).json<Record<string, unknown>>();
  const queries = createClickHouseQueries(run, tables);

  async function insertBatch(batch: readonly ReceivedBeacon[]): Promise<InsertResult> {
    const { beacons, events, repeats } = toRows(batch);
    // Keys already stored (a retry whose first answer was lost): read through the primary key (page_view_id, seq).
    const stored = new Set<string>();
    if (beacons.length > 0) {
      const ids = [...new Set(beacons.map((b) => b[0]))].map(sqlLiteral).join(', ');
      for (const r of await run(
        `SELECT DISTINCT page_view_id, seq FROM ${tables.beacons} WHERE page_view_id IN (${ids})`,
      )) {
        stored.add(beaconKey(String(r['page_view_id']), String(r['seq'])));
      }
    }
    const fresh = beacons.filter((b) => !stored.has(beaconKey(b[0], b[1])));
    // Events first, beacons last: a beacon row means "stored", so a failure between the two inserts leaves the
    // beacon unacknowledged and its retry writes the events again (the queries count each event once).
    const eventRows = fresh.flatMap((b) =>
      (events.get(beaconKey(b[0], b[1])) ?? []).map((e, idx) => ({
        name: e[4],
        route: e[6],
        received_at: e[0],
        page_view_id: e[1],
        seq: e[2],
        idx,
        type: e[3],
        value: e[5],
        device_class: e[7],
        connection: e[8],
        navigation_type: e[9],
        target: e[10],
        t: e[11],
      })),
    );
    if (eventRows.length > 0) {
      await db.insert({
        table: tables.events,
        values: eventRows,
        format: 'JSONEachRow',
        clickhouse_settings: INSERT_SETTINGS,
      });
    }
    if (fresh.length > 0) {
      const values = fresh.map((b) => ({
        page_view_id: b[0],
        seq: b[1],
        received_at: b[2],
        sent_at: b[3],
        dropped: b[4],
        route: b[5],
        device_class: b[6],
        connection: b[7],
        app_version: b[8],
        body: b[9],
      }));
      await db.insert({ table: tables.beacons, values, format: 'JSONEachRow', clickhouse_settings: INSERT_SETTINGS });
    }
    const duplicates = repeats + beacons.length - fresh.length;
    if (duplicates > 0) {
      await db.insert({
        table: tables.duplicates,
        values: [{ recorded_at: Date.now(), n: duplicates }],
        format: 'JSONEachRow',
        clickhouse_settings: INSERT_SETTINGS,
      });
    }
    return {
      inserted: fresh.length,
      duplicates,
      fresh: markFresh(batch, new Set(fresh.map((b) => beaconKey(b[0], b[1])))),
    };
  }

  return {
    kind: 'clickhouse',
    maxConcurrentWrites: Math.max(1, options.maxConcurrentWrites ?? 1),
    ...queries,
    insertBatch,
    async close() {
      if (ownsClient) await db.close();
    },
  };
}
