export type * from './beacon.js';
export { VITAL_NAMES } from './beacon.js';
export { beaconSchema, MAX_BEACON_BYTES } from './beaconSchema.js';
export { validateBeacon, type ValidationResult } from './validateBeacon.js';
export { parseBeacon, type ParseResult, type RejectReason } from './parseBeacon.js';
export { THRESHOLDS, rate, type Threshold } from './thresholds.js';
export { createCollector, type Collector, type CollectorOptions } from './createCollector.js';
export { createCollectorServer, type CollectorServer, type CollectorServerOptions } from './createCollectorServer.js';
export { createDuckDBStorage, type DuckDBStorageOptions } from './storage/duckdb/createDuckDBStorage.js';
export type * from './storage/types.js';
export { createMetrics, vitalMetricName, type Metrics, type MetricsOptions } from './metrics/createMetrics.js';
export {
  evaluateBudgets,
  formatBudgetTable,
  type BudgetResult,
  type PercentileSource,
} from './budget/evaluateBudgets.js';
export { readBudgetConfig, type Budget, type BudgetConfig } from './budget/readBudgetConfig.js';
export { runCli, type CliIo } from './cli/runCli.js';
export type { RateLimitOptions } from './http/createRateLimiter.js';
export { parseDuration } from './parseDuration.js';
export { createPostgresStorage, type PostgresStorageOptions } from './storage/createPostgresStorage.js';
export {
  createClickHouseStorage,
  type ClickHouseStorageOptions,
} from './storage/clickhouse/createClickHouseStorage.js';
export { clickHouseSchema, type ClickHouseSchemaOptions } from './storage/clickhouse/clickHouseSchema.js';
