/**
 * The exact null distribution of the Mann–Whitney U statistic for samples of sizes m and n (no ties), as
 * probabilities: `result[u]` = P(U = u) when both samples come from the same distribution.
 *
 * Computed by the recurrence on which sample holds the largest value, in probabilities rather than counts so
 * that large samples cannot overflow: p(i, j, u) = i/(i+j) · p(i-1, j, u-j) + j/(i+j) · p(i, j-1, u).
 */
export function mannWhitneyDistribution(m: number, n: number): number[] {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 1 || n < 1)
    throw new Error(`sample sizes must be positive integers, got ${m} and ${n}`);
  // previous[j] is the distribution for (i - 1, j); row[j] for (i, j).
  let previous: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i += 1) {
    const row: number[][] = [[1]];
    for (let j = 1; j <= n; j += 1) {
      const size = i * j + 1;
      const out = Array.from<number>({ length: size }).fill(0);
      const fromI = previous[j]!;
      const fromJ = row[j - 1]!;
      for (let u = 0; u < size; u += 1) {
        const a = u - j >= 0 ? (fromI[u - j] ?? 0) : 0;
        const b = fromJ[u] ?? 0;
        out[u] = (i / (i + j)) * a + (j / (i + j)) * b;
      }
      row.push(out);
    }
    previous = row;
  }
  return previous[n]!;
}

/**
 * The largest k (1-based) such that P(U ≤ k - 1) ≤ tail, or 0 when even P(U = 0) exceeds it (the samples are
 * too small for that confidence). The Moses interval of the shift is then [D(k), D(mn + 1 - k)].
 */
export function mannWhitneyRank(m: number, n: number, tail: number): { k: number; tailProbability: number } {
  const distribution = mannWhitneyDistribution(m, n);
  let cumulative = 0;
  let k = 0;
  let tailProbability = 0;
  for (let u = 0; u < distribution.length; u += 1) {
    cumulative += distribution[u]!;
    if (cumulative > tail + 1e-12) break;
    k = u + 1;
    tailProbability = cumulative;
  }
  return { k, tailProbability };
}
