/** Distribution-free one-sided bounds for the median of one sample. */
export interface MedianBounds {
  /** The median is above this with the given confidence (-Infinity when the sample is too small). */
  lower: number;
  /** The median is below this with the given confidence (Infinity when the sample is too small). */
  upper: number;
}

/**
 * Order-statistic bounds for the median: x(k) is below the median unless at most k - 1 of n values fall under
 * it, which happens with probability P(Binomial(n, 1/2) ≤ k - 1). No shape is assumed, so a skewed timing is
 * fine. With 95 % one-sided confidence the bounds exist from 5 samples on (2⁻⁵ = 3 %).
 */
export function medianBounds(values: readonly number[], confidence = 0.95): MedianBounds {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const alpha = 1 - confidence;
  let k = 0;
  let cumulative = 0;
  let choose = 1; // C(n, i), updated as i grows
  for (let i = 0; i < n; i += 1) {
    cumulative += choose / 2 ** n;
    if (cumulative > alpha + 1e-12) break;
    k = i + 1;
    choose = (choose * (n - i)) / (i + 1);
  }
  if (k === 0) return { lower: -Infinity, upper: Infinity };
  return { lower: sorted[k - 1]!, upper: sorted[n - k]! };
}
