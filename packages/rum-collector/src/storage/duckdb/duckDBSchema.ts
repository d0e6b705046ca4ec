/** Tables of the embedded store, created when missing. @internal */
export const DUCKDB_SCHEMA = `
CREATE TABLE IF NOT EXISTS rum_beacons (
  page_view_id VARCHAR NOT NULL, seq BIGINT NOT NULL, received_at BIGINT NOT NULL, sent_at DOUBLE NOT NULL,
  dropped INTEGER NOT NULL, route VARCHAR NOT NULL, device_class VARCHAR NOT NULL, connection VARCHAR NOT NULL,
  app_version VARCHAR, body VARCHAR NOT NULL, PRIMARY KEY (page_view_id, seq));
CREATE TABLE IF NOT EXISTS rum_events (
  received_at BIGINT NOT NULL, page_view_id VARCHAR NOT NULL, seq BIGINT NOT NULL, type VARCHAR NOT NULL,
  name VARCHAR NOT NULL, value DOUBLE NOT NULL, route VARCHAR NOT NULL, device_class VARCHAR NOT NULL,
  connection VARCHAR NOT NULL, navigation_type VARCHAR, target VARCHAR, t DOUBLE NOT NULL);
-- Insert-only (one row per batch with duplicates): concurrent writers updating one counter row would conflict.
CREATE TABLE IF NOT EXISTS rum_duplicates (recorded_at BIGINT NOT NULL, n BIGINT NOT NULL);
-- The last ingest-journal entry stored: recovery replays the entries after it.
CREATE TABLE IF NOT EXISTS rum_journal (loaded_id BIGINT NOT NULL);
INSERT INTO rum_journal SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM rum_journal);`;

/** The SQL the shared analysis queries need, in DuckDB's dialect. @internal */
export const DUCKDB_DIALECT = {
  duplicates: 'SELECT CAST(coalesce(sum(n), 0) AS DOUBLE PRECISION) AS n FROM rum_duplicates',
  percentileList: 'quantile_cont(value, [0.5, 0.75, 0.9, 0.99])',
  p75: 'quantile_cont(value, 0.75)',
};
