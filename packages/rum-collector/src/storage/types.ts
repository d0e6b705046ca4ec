import type { Beacon, DeviceClass, EffectiveType, VitalName } from '../beacon.js';

/** A beacon accepted by the collector, with the server time it arrived. */
export interface ReceivedBeacon {
  beacon: Beacon;
  /** Server epoch ms when the beacon arrived; analysis windows use it (client clocks drift). */
  receivedAt: number;
  /** The beacon's JSON as received, stored as is to skip re-serialising. @default JSON.stringify(beacon) */
  json?: string;
}

/** Outcome of one durable write. */
export interface InsertResult {
  /** Beacons newly stored. */
  inserted: number;
  /** Beacons skipped because their (pageViewId, seq) was already stored. */
  duplicates: number;
  /** Per input beacon, in order: true when this call stored it (false for a duplicate). */
  fresh: boolean[];
}

/** A stored beacon as returned by {@link RumStorage.listBeacons}. */
export interface StoredBeacon extends ReceivedBeacon {}

/** Dimensions analysis results can be grouped by. */
export type Dimension = 'route' | 'deviceClass' | 'connection';

/** Filters shared by every analysis query; all optional. */
export interface QueryFilter {
  /** Inclusive lower bound on received time, epoch ms. @default 0 */
  from?: number;
  /** Exclusive upper bound on received time, epoch ms. @default no bound */
  to?: number;
  /** Only this metric. @default every vital */
  metric?: VitalName;
  /** Only this route template. @default every route */
  route?: string;
  /** Only this device class. @default every class */
  deviceClass?: DeviceClass;
  /** Only this `effectiveType` ("unknown" matches beacons without one). @default every connection */
  connection?: EffectiveType;
}

/** Options of {@link RumStorage.percentiles}. */
export interface PercentileQuery extends QueryFilter {
  /** Dimensions to split by, besides the metric. @default [] */
  groupBy?: readonly Dimension[];
}

/** Exact percentiles of one metric within one group. */
export interface PercentileRow {
  metric: VitalName;
  route?: string;
  deviceClass?: string;
  connection?: string;
  count: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
}

/** Good / needs-improvement / poor counts of one metric (rated by the server at the web-vitals thresholds). */
export interface RatingRow {
  metric: VitalName;
  route?: string;
  deviceClass?: string;
  connection?: string;
  count: number;
  good: number;
  needsImprovement: number;
  poor: number;
}

/** Options of {@link RumStorage.trend}. */
export interface TrendQuery extends QueryFilter {
  /** Width of one time bucket in ms. @default 86_400_000 (one day, UTC) */
  bucketMs?: number;
}

/** p75 of one metric in one time bucket. */
export interface TrendRow {
  metric: VitalName;
  /** Bucket start, epoch ms. */
  bucketStart: number;
  count: number;
  p75: number;
}

/** Delivery loss computed from gaps in per-page-view sequence numbers. */
export interface DeliveryLoss {
  pageViews: number;
  /** Sum over page views of (max seq + 1): what should have arrived, tail losses excepted. */
  expected: number;
  received: number;
  /** expected - received: beacons lost in transit (a gap in seq). */
  missing: number;
  /** missing / expected, 0 when nothing is expected. */
  lossRate: number;
  /** Sum of `dropped`: beacons the clients discarded themselves. */
  clientDropped: number;
}

/** Options of {@link RumStorage.topTargets}. */
export interface TargetQuery extends QueryFilter {
  /** Rows per metric. @default 10 */
  limit?: number;
}

/** An element (CSS selector from attribution) and how its samples fare. */
export interface TargetRow {
  metric: VitalName;
  target: string;
  count: number;
  p75: number;
}

/** Options of {@link RumStorage.listBeacons}. */
export interface ListQuery {
  /** Only this page view. @default every page view */
  pageViewId?: string;
  /** Most rows returned, newest first. @default 100 */
  limit?: number;
}

/**
 * Where beacons go. The embedded DuckDB store and the PostgreSQL store implement it and pass the same test suite;
 * another backend (e.g. ClickHouse) implements these methods.
 */
export interface RumStorage {
  /** Backend name, e.g. "duckdb" or "postgres". */
  readonly kind: string;
  /** insertBatch calls the store accepts at once; the collector's group commit keeps that many in flight. */
  readonly maxConcurrentWrites?: number;
  /**
   * Stores a batch durably (committed and synced) in ONE transaction, skipping (pageViewId, seq) pairs already
   * stored or repeated inside the batch. The collector acknowledges beacons only after this resolves.
   */
  insertBatch(batch: readonly ReceivedBeacon[]): Promise<InsertResult>;
  /** Number of stored beacons (optionally of one page view). */
  countBeacons(filter?: { pageViewId?: string }): Promise<number>;
  /** Number of stored events. */
  countEvents(): Promise<number>;
  /** Duplicates skipped since the store was created. */
  countDuplicates(): Promise<number>;
  /** Stored beacons, newest first. */
  listBeacons(query?: ListQuery): Promise<StoredBeacon[]>;
  /** Exact p50/p75/p90/p99 per metric (and the requested dimensions) over the filtered vitals. */
  percentiles(query?: PercentileQuery): Promise<PercentileRow[]>;
  /** Good / needs-improvement / poor counts per metric (and dimensions). */
  ratings(query?: PercentileQuery): Promise<RatingRow[]>;
  /** p75 per metric per time bucket, oldest first. */
  trend(query?: TrendQuery): Promise<TrendRow[]>;
  /** Delivery loss from seq gaps over beacons received in the window. */
  deliveryLoss(query?: Pick<QueryFilter, 'from' | 'to' | 'route'>): Promise<DeliveryLoss>;
  /** Most frequent LCP elements / INP targets / CLS shift targets, per metric. */
  topTargets(query?: TargetQuery): Promise<TargetRow[]>;
  /** Distinct route templates seen in the window, sorted. */
  routes(query?: Pick<QueryFilter, 'from' | 'to'>): Promise<string[]>;
  /** Releases connections and files. */
  close(): Promise<void>;
}
