import { VITAL_NAMES, type VitalName } from '../beacon.js';
import { THRESHOLDS } from '../thresholds.js';
import type {
  DeliveryLoss,
  Dimension,
  ListQuery,
  PercentileQuery,
  PercentileRow,
  QueryFilter,
  RatingRow,
  RumStorage,
  StoredBeacon,
  TargetQuery,
  TargetRow,
  TrendQuery,
  TrendRow,
} from './types.js';

/** Runs one parameterised statement ($1, $2, ...) and returns plain row objects. @internal */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** What differs between SQL backends in the read path. @internal */
export interface SqlDialect {
  /** A query returning the duplicates counter as column `n`. */
  duplicates: string;
  /** An expression returning the list [p50, p75, p90, p99] of `value`, exact (continuous interpolation). */
  percentileList: string;
  /** An expression returning the exact continuous p75 of `value`. */
  p75: string;
}

// Column names by dimension; fixed strings, never user input, so safe to splice into SQL.
const DIMENSION_COLUMN: Record<Dimension, string> = {
  route: 'route',
  deviceClass: 'device_class',
  connection: 'connection',
};

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

/** Builds a WHERE clause over rum_events (or rum_beacons) from a filter, pushing values into params. */
function where(filter: QueryFilter, params: unknown[], vitalsOnly: boolean): string {
  const parts: string[] = vitalsOnly ? ["type = 'vital'"] : [];
  const add = (column: string, op: string, value: unknown) => {
    params.push(value);
    parts.push(`${column} ${op} $${params.length}`);
  };
  if (filter.from !== undefined) add('received_at', '>=', Math.floor(filter.from));
  if (filter.to !== undefined) add('received_at', '<', Math.floor(filter.to));
  if (filter.metric !== undefined) add('name', '=', filter.metric);
  if (filter.route !== undefined) add('route', '=', filter.route);
  if (filter.deviceClass !== undefined) add('device_class', '=', filter.deviceClass);
  if (filter.connection !== undefined) add('connection', '=', filter.connection);
  return parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`;
}

function dimensions(groupBy: readonly Dimension[] | undefined): Dimension[] {
  return [...new Set(groupBy ?? [])].filter((d) => d in DIMENSION_COLUMN);
}

function withDimensions<T extends object>(row: Record<string, unknown>, dims: Dimension[], into: T): T {
  for (const d of dims) (into as Record<string, unknown>)[d] = String(row[d]);
  return into;
}

// Server-side rating: the client's own `rating` could be stale or forged.
const goodCase = `CASE name ${VITAL_NAMES.map((n) => `WHEN '${n}' THEN ${THRESHOLDS[n].good}`).join(' ')} END`;
const poorCase = `CASE name ${VITAL_NAMES.map((n) => `WHEN '${n}' THEN ${THRESHOLDS[n].poor}`).join(' ')} END`;

/**
 * The read side of a SQL store (analysis queries), shared by DuckDB and PostgreSQL so that both answer alike.
 * @internal
 */
export function createSqlQueries(
  run: RunQuery,
  dialect: SqlDialect,
): Omit<RumStorage, 'kind' | 'insertBatch' | 'close'> {
  return {
    async countBeacons(filter = {}) {
      const params: unknown[] = [];
      let sql = 'SELECT CAST(count(*) AS DOUBLE PRECISION) AS n FROM rum_beacons';
      if (filter.pageViewId !== undefined) {
        params.push(filter.pageViewId);
        sql += ' WHERE page_view_id = $1';
      }
      const rows = await run(sql, params);
      return num(rows[0]?.['n']);
    },

    async countEvents() {
      const rows = await run('SELECT CAST(count(*) AS DOUBLE PRECISION) AS n FROM rum_events', []);
      return num(rows[0]?.['n']);
    },

    async countDuplicates() {
      const rows = await run(dialect.duplicates, []);
      return num(rows[0]?.['n']);
    },

    async listBeacons(query: ListQuery = {}): Promise<StoredBeacon[]> {
      const params: unknown[] = [];
      let sql = 'SELECT body, CAST(received_at AS DOUBLE PRECISION) AS received_at FROM rum_beacons';
      if (query.pageViewId !== undefined) {
        params.push(query.pageViewId);
        sql += ` WHERE page_view_id = $${params.length}`;
      }
      params.push(Math.max(0, Math.floor(query.limit ?? 100)));
      sql += ` ORDER BY received_at DESC, page_view_id, seq DESC LIMIT $${params.length}`;
      const rows = await run(sql, params);
      return rows.map((r) => ({ beacon: JSON.parse(String(r['body'])), receivedAt: num(r['received_at']) }));
    },

    async percentiles(query: PercentileQuery = {}): Promise<PercentileRow[]> {
      const dims = dimensions(query.groupBy);
      const params: unknown[] = [];
      const cols = dims.map((d) => `${DIMENSION_COLUMN[d]} AS "${d}"`);
      const group = ['name', ...dims.map((d) => DIMENSION_COLUMN[d])].join(', ');
      const sql = `SELECT name AS metric, ${cols.map((c) => `${c}, `).join('')}
        CAST(count(*) AS DOUBLE PRECISION) AS n, ${dialect.percentileList} AS q
        FROM rum_events ${where(query, params, true)} GROUP BY ${group} ORDER BY ${group}`;
      const rows = await run(sql, params);
      return rows.map((r) => {
        const q = (r['q'] as ArrayLike<unknown> | null) ?? [];
        return withDimensions(r, dims, {
          metric: r['metric'] as VitalName,
          count: num(r['n']),
          p50: num(q[0]),
          p75: num(q[1]),
          p90: num(q[2]),
          p99: num(q[3]),
        });
      });
    },

    async ratings(query: PercentileQuery = {}): Promise<RatingRow[]> {
      const dims = dimensions(query.groupBy);
      const params: unknown[] = [];
      const cols = dims.map((d) => `${DIMENSION_COLUMN[d]} AS "${d}"`);
      const group = ['name', ...dims.map((d) => DIMENSION_COLUMN[d])].join(', ');
      const sql = `SELECT name AS metric, ${cols.map((c) => `${c}, `).join('')}
        CAST(count(*) AS DOUBLE PRECISION) AS n,
        CAST(count(*) FILTER (WHERE value <= ${goodCase}) AS DOUBLE PRECISION) AS good,
        CAST(count(*) FILTER (WHERE value > ${poorCase}) AS DOUBLE PRECISION) AS poor
        FROM rum_events ${where(query, params, true)} GROUP BY ${group} ORDER BY ${group}`;
      const rows = await run(sql, params);
      return rows.map((r) => {
        const count = num(r['n']);
        const good = num(r['good']);
        const poor = num(r['poor']);
        return withDimensions(r, dims, {
          metric: r['metric'] as VitalName,
          count,
          good,
          needsImprovement: count - good - poor,
          poor,
        });
      });
    },

    async trend(query: TrendQuery = {}): Promise<TrendRow[]> {
      const bucketMs = Math.max(1, Math.floor(query.bucketMs ?? 86_400_000));
      const params: unknown[] = [bucketMs];
      const sql = `SELECT name AS metric, CAST(floor(received_at / $1) * $1 AS DOUBLE PRECISION) AS bucket,
        CAST(count(*) AS DOUBLE PRECISION) AS n, ${dialect.p75} AS p75
        FROM rum_events ${where(query, params, true)} GROUP BY name, bucket ORDER BY bucket, name`;
      const rows = await run(sql, params);
      return rows.map((r) => ({
        metric: r['metric'] as VitalName,
        bucketStart: num(r['bucket']),
        count: num(r['n']),
        p75: num(r['p75']),
      }));
    },

    async deliveryLoss(query = {}): Promise<DeliveryLoss> {
      // A page view belongs to the window where it started, so one crossing the window edge shows no false gap.
      const params: unknown[] = [];
      const having: string[] = [];
      if (query.from !== undefined) {
        params.push(Math.floor(query.from));
        having.push(`min(received_at) >= $${params.length}`);
      }
      if (query.to !== undefined) {
        params.push(Math.floor(query.to));
        having.push(`min(received_at) < $${params.length}`);
      }
      let filter = '';
      if (query.route !== undefined) {
        params.push(query.route);
        filter = `WHERE route = $${params.length}`;
      }
      const sql = `SELECT CAST(count(*) AS DOUBLE PRECISION) AS page_views,
        CAST(coalesce(sum(max_seq + 1), 0) AS DOUBLE PRECISION) AS expected,
        CAST(coalesce(sum(n), 0) AS DOUBLE PRECISION) AS received,
        CAST(coalesce(sum(dropped), 0) AS DOUBLE PRECISION) AS dropped
        FROM (SELECT page_view_id, max(seq) AS max_seq, count(*) AS n, sum(dropped) AS dropped
              FROM rum_beacons ${filter} GROUP BY page_view_id
              ${having.length > 0 ? `HAVING ${having.join(' AND ')}` : ''}) pv`;
      const r = (await run(sql, params))[0] ?? {};
      const expected = num(r['expected']);
      const received = num(r['received']);
      const missing = Math.max(0, expected - received);
      return {
        pageViews: num(r['page_views']),
        expected,
        received,
        missing,
        lossRate: expected === 0 ? 0 : missing / expected,
        clientDropped: num(r['dropped']),
      };
    },

    async topTargets(query: TargetQuery = {}): Promise<TargetRow[]> {
      const params: unknown[] = [];
      const filter = where(query, params, true);
      params.push(Math.max(1, Math.floor(query.limit ?? 10)));
      const sql = `SELECT metric, target, n, p75 FROM (
          SELECT name AS metric, target, CAST(count(*) AS DOUBLE PRECISION) AS n, ${dialect.p75} AS p75,
            row_number() OVER (PARTITION BY name ORDER BY count(*) DESC, target) AS rn
          FROM rum_events ${filter}${filter === '' ? 'WHERE' : ' AND'} target IS NOT NULL GROUP BY name, target
        ) ranked WHERE rn <= $${params.length} ORDER BY metric, n DESC, target`;
      const rows = await run(sql, params);
      return rows.map((r) => ({
        metric: r['metric'] as VitalName,
        target: String(r['target']),
        count: num(r['n']),
        p75: num(r['p75']),
      }));
    },

    async routes(query = {}) {
      const params: unknown[] = [];
      const rows = await run(
        `SELECT DISTINCT route FROM rum_events ${where(query, params, false)} ORDER BY route`,
        params,
      );
      return rows.map((r) => String(r['route']));
    },
  };
}
