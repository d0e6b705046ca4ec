/**
 * A value as a ClickHouse SQL literal. Server-side query parameters (`{name:Type}`) arrived in ClickHouse 19.x;
 * 18.16 answers "Unknown setting param_..." to them, so values are quoted here, for the ClickHouse string syntax
 * (backslash escapes: https://clickhouse.com/docs/en/sql-reference/syntax#string).
 * @internal
 */
export function sqlLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
