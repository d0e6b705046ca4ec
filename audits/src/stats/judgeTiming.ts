import { median } from '../lib/median.js';
import { medianBounds } from './medianBounds.js';
import { shiftInterval, type ShiftInterval } from './shiftInterval.js';

/** How one timing figure is judged against the reference build. */
export interface TimingRule {
  /** `higher` for times (worse when larger), `lower` for scores (worse when smaller). */
  worse: 'higher' | 'lower';
  /** The allowed regression: the larger of `absolute` (in the figure's unit) and `relative` × the reference median. */
  margin: { absolute: number; relative?: number };
  /** The product's bar (a maximum for times, a minimum for scores), judged with confidence. @default none */
  limit?: number;
}

/** What the samples say about one figure. `undecided` means more samples could still settle it. */
export type Verdict = 'pass' | 'fail' | 'undecided';

/** The judgement of one figure, with its evidence. */
export interface TimingJudgement {
  reference: { median: number; samples: number[] };
  candidate: { median: number; samples: number[] };
  /** candidate − reference, in the bad direction (positive = worse), with its interval. */
  worseBy: ShiftInterval;
  /** The allowed regression in the figure's unit. */
  allowed: number;
  /** The regression verdict: fail = worse by more than `allowed` with confidence; pass = worse by less, with confidence. */
  regression: Verdict;
  /** The absolute limit's verdict (pass when there is none): fail only when the candidate misses it with confidence. */
  limit: Verdict;
  verdict: Verdict;
}

/**
 * Judges one figure from alternating runs of the two builds: a regression only when the whole confidence interval
 * of the shift lies past the allowed margin, a missed limit only when the candidate's median is past it with
 * confidence. A noisy machine widens the intervals and makes the answer `undecided` (more samples, then a pass
 * at the cap), never a false failure.
 */
export function judgeTiming(
  reference: readonly number[],
  candidate: readonly number[],
  rule: TimingRule,
  confidence = 0.95,
): TimingJudgement {
  const sign = rule.worse === 'higher' ? 1 : -1;
  const shift = shiftInterval(
    reference.map((value) => sign * value),
    candidate.map((value) => sign * value),
    confidence,
  );
  const referenceMedian = median(reference);
  const allowed = Math.max(rule.margin.absolute, (rule.margin.relative ?? 0) * Math.abs(referenceMedian));
  const regression: Verdict = shift.low > allowed ? 'fail' : shift.high <= allowed ? 'pass' : 'undecided';
  let limit: Verdict = 'pass';
  if (rule.limit !== undefined) {
    const bounds = medianBounds(candidate, confidence);
    // For a score (worse when lower) the limit is a minimum: mirror the comparison.
    const missedSurely = sign > 0 ? bounds.lower > rule.limit : bounds.upper < rule.limit;
    const metSurely = sign > 0 ? bounds.upper <= rule.limit : bounds.lower >= rule.limit;
    limit = missedSurely ? 'fail' : metSurely ? 'pass' : 'undecided';
  }
  const verdict: Verdict =
    regression === 'fail' || limit === 'fail'
      ? 'fail'
      : regression === 'pass' && limit === 'pass'
        ? 'pass'
        : 'undecided';
  return {
    reference: { median: referenceMedian, samples: [...reference] },
    candidate: { median: median(candidate), samples: [...candidate] },
    worseBy: shift,
    allowed,
    regression,
    limit,
    verdict,
  };
}
