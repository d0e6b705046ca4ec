import { median } from '../lib/median.js';
import { mannWhitneyRank } from './mannWhitney.js';

/** A shift between two samples with its confidence interval. */
export interface ShiftInterval {
  /** Hodges–Lehmann estimate: the median of every candidate − reference difference. */
  estimate: number;
  /** Interval bounds; ±Infinity when the samples are too small for the requested confidence. */
  low: number;
  high: number;
  /** The confidence the bounds really have (the exact distribution is discrete, so at least the requested one). */
  confidence: number;
}

/**
 * How much `candidate` is shifted against `reference`, with a distribution-free confidence interval (the
 * Hodges–Lehmann estimator and Moses' interval from the Mann–Whitney distribution).
 *
 * Why this and not a t-interval or a bootstrap: page timings are few (4-12 runs a side), skewed, and a busy
 * neighbour adds outliers on one side only. The t-interval assumes normality that 5 skewed samples do not have,
 * and a percentile bootstrap under-covers badly at that size. The rank interval's coverage is exact for any
 * continuous distribution under a shift, whatever the sample size, and one outlier moves only the extreme
 * differences, not the bounds. The price: with 3 runs a side no 95 % interval exists, so sampling needs 4.
 */
export function shiftInterval(
  reference: readonly number[],
  candidate: readonly number[],
  confidence = 0.95,
): ShiftInterval {
  if (!reference.length || !candidate.length) throw new Error('shiftInterval() needs at least one value on each side');
  const differences: number[] = [];
  for (const b of candidate) for (const a of reference) differences.push(b - a);
  differences.sort((x, y) => x - y);
  const estimate = median(differences);
  const { k, tailProbability } = mannWhitneyRank(reference.length, candidate.length, (1 - confidence) / 2);
  if (k === 0) return { estimate, low: -Infinity, high: Infinity, confidence: 1 };
  return {
    estimate,
    low: differences[k - 1]!,
    high: differences[differences.length - k]!,
    confidence: 1 - 2 * tailProbability,
  };
}
