import { VITAL_NAMES, type VitalName } from '../../beacon.js';
import { THRESHOLDS } from '../../thresholds.js';
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
} from '../types.js';
import type { clickHouseTables } from './clickHouseSchema.js';
import { sqlLiteral } from './sqlLiteral.js';

/** Runs one statement and returns its rows (JSONEachRow). @internal */
export type RunClickHouse = (sql: string) => Promise<Record<string, unknown>[]>;

// Fixed strings, never user input, so safe to splice into SQL.
const DIMENSION_COLUMN: Record<Dimension, string> = {
  route: 'route',
  deviceClass: 'device_class',
  connection: 'connection',
};

// 64-bit integers come back as JSON strings (output_format_json_quote_64bit_integers).
const num = (v: unknown): number => Number(v ?? 0);

function where(filter: QueryFilter, vitalsOnly: boolean, extra: string[] = []): string {
  const parts: string[] = vitalsOnly ? ["type = 'vital'"] : [];
  if (filter.from !== undefined) parts.push(`received_at >= ${sqlLiteral(Math.floor(filter.from))}`);
  if (filter.to !== undefined) parts.push(`received_at < ${sqlLiteral(Math.floor(filter.to))}`);
  if (filter.metric !== undefined) parts.push(`name = ${sqlLiteral(filter.metric)}`);
  if (filter.route !== undefined) parts.push(`route = ${sqlLiteral(filter.route)}`);
  if (filter.deviceClass !== undefined) parts.push(`device_class = ${sqlLiteral(filter.deviceClass)}`);
  if (filter.connection !== undefined) parts.push(`connection = ${sqlLiteral(filter.connection)}`);
  parts.push(...extra);
  return parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`;
}

/**
 * Vitals matching the filter, each event once: a beacon written by two collectors at once (or again after a lost
 * answer) has its events twice until, or even after, a merge, so every analysis reads through this.
 */
const uniqueEvents = (events: string, filter: QueryFilter, extra: string[] = []) =>
  `(SELECT name, route, device_class, connection, received_at, value, target, page_view_id, seq, idx
    FROM ${events} ${where(filter, true, extra)} LIMIT 1 BY page_view_id, seq, idx)`;

/**
 * Exact continuous percentile (as percentile_cont and the other stores) over `sorted` (the group's values, sorted)
 * of length `n`: interpolates between ranks floor and ceil of p(n - 1). ClickHouse's quantileExact collects the
 * same values but returns the single value at rank floor(p * n), and its interpolating variant
 * (quantileExactInclusive) needs ClickHouse 20.x.
 */
function percentileCont(p: number): string {
  const x = `(${p} * (_n - 1))`;
  const at = (rank: string) => `arrayElement(_sorted, toUInt64(${rank}) + 1)`;
  return `(${at(`floor(${x})`)} + (${at(`ceil(${x})`)} - ${at(`floor(${x})`)}) * (${x} - floor(${x})))`;
}
const SORTED = 'arraySort(groupArray(value)) AS _sorted, length(_sorted) AS _n';

const thresholdCase = (key: 'good' | 'poor') =>
  `multiIf(${VITAL_NAMES.map((n) => `name = '${n}', ${THRESHOLDS[n][key]}`).join(', ')}, 0)`;

function dimensions(groupBy: readonly Dimension[] | undefined): Dimension[] {
  return [...new Set(groupBy ?? [])].filter((d) => d in DIMENSION_COLUMN);
}

// `route AS route` would be a cyclic alias to ClickHouse 18.
const selectDimensions = (dims: Dimension[]) =>
  dims.map((d) => (DIMENSION_COLUMN[d] === d ? `${d}, ` : `${DIMENSION_COLUMN[d]} AS ${d}, `)).join('');

function withDimensions<T extends object>(row: Record<string, unknown>, dims: Dimension[], into: T): T {
  for (const d of dims) (into as Record<string, unknown>)[d] = String(row[d]);
  return into;
}

/**
 * The read side of the ClickHouse store: the same answers as the DuckDB and PostgreSQL stores (the shared suite
 * checks them), in ClickHouse 18.16 SQL (no window functions, no FILTER, no query parameters).
 * @internal
 */
export function createClickHouseQueries(
  run: RunClickHouse,
  tables: ReturnType<typeof clickHouseTables>,
): Omit<RumStorage, 'kind' | 'insertBatch' | 'close'> {
  const { beacons, events, duplicates } = tables;
  return {
    async countBeacons(filter = {}) {
      const pv = filter.pageViewId === undefined ? '' : `WHERE page_view_id = ${sqlLiteral(filter.pageViewId)}`;
      return num((await run(`SELECT uniqExact(page_view_id, seq) AS n FROM ${beacons} ${pv}`))[0]?.['n']);
    },

    async countEvents() {
      return num((await run(`SELECT uniqExact(page_view_id, seq, idx) AS n FROM ${events}`))[0]?.['n']);
    },

    async countDuplicates() {
      return num((await run(`SELECT sum(n) AS n FROM ${duplicates}`))[0]?.['n']);
    },

    async listBeacons(query: ListQuery = {}): Promise<StoredBeacon[]> {
      const pv = query.pageViewId === undefined ? '' : `WHERE page_view_id = ${sqlLiteral(query.pageViewId)}`;
      const limit = Math.max(0, Math.floor(query.limit ?? 100));
      // The first copy stored of each key, as the stores with a primary key keep it.
      const rows =
        await run(`SELECT page_view_id, seq, min(received_at) AS first_at, argMin(body, received_at) AS first_body
        FROM ${beacons} ${pv} GROUP BY page_view_id, seq
        ORDER BY first_at DESC, page_view_id, seq DESC LIMIT ${limit}`);
      return rows.map((r) => ({ beacon: JSON.parse(String(r['first_body'])), receivedAt: num(r['first_at']) }));
    },

    async percentiles(query: PercentileQuery = {}): Promise<PercentileRow[]> {
      const dims = dimensions(query.groupBy);
      const group = ['name', ...dims.map((d) => DIMENSION_COLUMN[d])].join(', ');
      const cols = selectDimensions(dims);
      const rows = await run(`SELECT name AS metric, ${cols}count() AS n, ${SORTED},
        ${percentileCont(0.5)} AS p50, ${percentileCont(0.75)} AS p75, ${percentileCont(0.9)} AS p90, ${percentileCont(0.99)} AS p99
        FROM ${uniqueEvents(events, query)} GROUP BY ${group} ORDER BY ${group}`);
      return rows.map((r) =>
        withDimensions(r, dims, {
          metric: r['metric'] as VitalName,
          count: num(r['n']),
          p50: num(r['p50']),
          p75: num(r['p75']),
          p90: num(r['p90']),
          p99: num(r['p99']),
        }),
      );
    },

    async ratings(query: PercentileQuery = {}): Promise<RatingRow[]> {
      const dims = dimensions(query.groupBy);
      const group = ['name', ...dims.map((d) => DIMENSION_COLUMN[d])].join(', ');
      const cols = selectDimensions(dims);
      const rows = await run(`SELECT name AS metric, ${cols}count() AS n,
        countIf(value <= ${thresholdCase('good')}) AS good, countIf(value > ${thresholdCase('poor')}) AS poor
        FROM ${uniqueEvents(events, query)} GROUP BY ${group} ORDER BY ${group}`);
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
      const rows =
        await run(`SELECT name AS metric, intDiv(received_at, ${bucketMs}) * ${bucketMs} AS bucket, count() AS n,
        ${SORTED}, ${percentileCont(0.75)} AS p75
        FROM ${uniqueEvents(events, query)} GROUP BY name, bucket ORDER BY bucket, name`);
      return rows.map((r) => ({
        metric: r['metric'] as VitalName,
        bucketStart: num(r['bucket']),
        count: num(r['n']),
        p75: num(r['p75']),
      }));
    },

    async deliveryLoss(query = {}): Promise<DeliveryLoss> {
      // A page view belongs to the window where it started, so one crossing the window edge shows no false gap.
      const having: string[] = [];
      if (query.from !== undefined) having.push(`first >= ${sqlLiteral(Math.floor(query.from))}`);
      if (query.to !== undefined) having.push(`first < ${sqlLiteral(Math.floor(query.to))}`);
      const route = query.route === undefined ? '' : `WHERE route = ${sqlLiteral(query.route)}`;
      const r =
        (
          await run(`SELECT count() AS page_views, sum(max_seq + 1) AS expected, sum(n) AS received, sum(dropped) AS dropped
        FROM (SELECT page_view_id, max(seq) AS max_seq, count() AS n, sum(key_dropped) AS dropped, min(key_at) AS first
          FROM (SELECT page_view_id, seq, any(dropped) AS key_dropped, min(received_at) AS key_at
            FROM ${beacons} ${route} GROUP BY page_view_id, seq)
          GROUP BY page_view_id ${having.length > 0 ? `HAVING ${having.join(' AND ')}` : ''})`)
        )[0] ?? {};
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
      const limit = Math.max(1, Math.floor(query.limit ?? 10));
      // LIMIT n BY stands in for row_number() OVER (PARTITION BY name), which ClickHouse 18.16 lacks.
      const rows = await run(`SELECT name AS metric, target, count() AS n, ${SORTED}, ${percentileCont(0.75)} AS p75
        FROM ${uniqueEvents(events, query, ['target IS NOT NULL'])} GROUP BY name, target
        ORDER BY metric, n DESC, target LIMIT ${limit} BY metric`);
      return rows.map((r) => ({
        metric: r['metric'] as VitalName,
        target: String(r['target']),
        count: num(r['n']),
        p75: num(r['p75']),
      }));
    },

    async routes(query = {}) {
      const rows = await run(`SELECT DISTINCT route FROM ${events} ${where(query, false)} ORDER BY route`);
      return rows.map((r) => String(r['route']));
    },
  };
}
