/** Options of {@link clickHouseSchema}. */
export interface ClickHouseSchemaOptions {
  /** Database holding the tables. @default 'default' */
  database?: string;
  /** Prefix of the table names: `<table>_beacons`, `<table>_events`, `<table>_duplicates`. @default 'rum' */
  table?: string;
  /**
   * Cluster name (as in the servers' `remote_servers`) for a sharded setup: the statements then create the
   * `<name>_local` MergeTree tables and, under the plain names, `Distributed` tables over them, sharded by page view
   * so every copy of a beacon lands on the same shard. Run them on every server. @default single server
   */
  cluster?: string;
}

const identifier = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain ClickHouse identifier: ${name}`);
  return name;
};

/** The table names a store with these options reads and writes. @internal */
export function clickHouseTables(options: Pick<ClickHouseSchemaOptions, 'database' | 'table'> = {}) {
  const database = identifier(options.database ?? 'default');
  const prefix = identifier(options.table ?? 'rum');
  return {
    beacons: `${database}.${prefix}_beacons`,
    events: `${database}.${prefix}_events`,
    duplicates: `${database}.${prefix}_duplicates`,
  };
}

// Beacons: one row per (page_view_id, seq); ReplacingMergeTree folds a copy that two collectors (or a retry after a
// lost answer) both wrote, at its next merge; until then the queries count each key once themselves.
const BEACONS = `(
  page_view_id String, seq UInt64, received_at Int64, sent_at Float64, dropped UInt32, route String,
  device_class String, connection String, app_version Nullable(String), body String)`;
// Events: ordered for the dashboard: one metric, one route, a time window is one contiguous range of the index.
// (page_view_id, seq, idx) names each event, so a copy written twice is counted once.
const EVENTS = `(
  name String, route String, received_at Int64, page_view_id String, seq UInt64, idx UInt16, type String,
  value Float64, device_class String, connection String, navigation_type Nullable(String), target Nullable(String),
  t Float64)`;
const DUPLICATES = '(recorded_at Int64, n UInt64)';

const ENGINES = {
  beacons: 'ReplacingMergeTree ORDER BY (page_view_id, seq)',
  events: 'MergeTree ORDER BY (name, route, received_at)',
  duplicates: 'MergeTree ORDER BY recorded_at',
};

/**
 * The `CREATE TABLE IF NOT EXISTS` statements of the store, runnable on ClickHouse 18.16 and newer. The store runs
 * them itself on one server (`createTables`); for a cluster, run them with `cluster` on every server.
 */
export function clickHouseSchema(options: ClickHouseSchemaOptions = {}): string[] {
  const tables = clickHouseTables(options);
  const columns = { beacons: BEACONS, events: EVENTS, duplicates: DUPLICATES };
  const names = ['beacons', 'events', 'duplicates'] as const;
  if (options.cluster === undefined) {
    return names.map((n) => `CREATE TABLE IF NOT EXISTS ${tables[n]} ${columns[n]} ENGINE = ${ENGINES[n]}`);
  }
  const cluster = identifier(options.cluster);
  const [database] = tables.beacons.split('.');
  return names.flatMap((n) => {
    const local = `${tables[n]}_local`;
    const shardKey = n === 'duplicates' ? 'rand()' : 'sipHash64(page_view_id)';
    return [
      `CREATE TABLE IF NOT EXISTS ${local} ${columns[n]} ENGINE = ${ENGINES[n]}`,
      `CREATE TABLE IF NOT EXISTS ${tables[n]} AS ${local} ENGINE = Distributed(${cluster}, ${database}, ${local.split('.')[1]}, ${shardKey})`,
    ];
  });
}
