/** The median, minimum and maximum of some measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** Summarizes repeated measurements; the median of an even count is the mean of the middle two. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number };
}
