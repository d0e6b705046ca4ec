/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Per-key medians of records that may each miss some keys. */
export function medianByKey<K extends string>(
  records: readonly Partial<Record<K, number>>[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  const keys = new Set(records.flatMap((record) => Object.keys(record) as K[]));
  for (const key of keys) {
    const values = records.map((record) => record[key]).filter((value): value is number => typeof value === 'number');
    if (values.length) out[key] = median(values);
  }
  return out;
}
