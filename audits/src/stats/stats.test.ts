import { describe, expect, it } from 'vitest';
import { judgeTiming } from './judgeTiming.js';
import { mannWhitneyDistribution, mannWhitneyRank } from './mannWhitney.js';
import { medianBounds } from './medianBounds.js';
import { shiftInterval } from './shiftInterval.js';

describe('mannWhitneyDistribution', () => {
  it('matches the exact counts for small samples', () => {
    // m = n = 2: the 6 arrangements give U = 0,1,2,2,3,4.
    expect(mannWhitneyDistribution(2, 2).map((p) => p * 6)).toEqual([1, 1, 2, 1, 1].map((c) => expect.closeTo(c, 9)));
    const big = mannWhitneyDistribution(12, 15);
    expect(big.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(big[0]).toBeCloseTo(1 / 17_383_860, 15); // 1 / C(27, 12)
  });

  it('needs 4 runs a side for a 95 % interval', () => {
    expect(mannWhitneyRank(3, 3, 0.025).k).toBe(0); // P(U = 0) = 1/20 > 2.5 %
    expect(mannWhitneyRank(4, 4, 0.025)).toEqual({ k: 1, tailProbability: expect.closeTo(1 / 70, 12) });
    expect(mannWhitneyRank(8, 8, 0.025).k).toBe(14); // the textbook critical value of U at 5 % two-sided is 13
  });
});

describe('shiftInterval', () => {
  it('brackets a clear shift and its Hodges–Lehmann estimate', () => {
    const interval = shiftInterval([100, 102, 98, 101, 99], [150, 152, 149, 151, 148]);
    expect(interval.estimate).toBe(50);
    expect(interval.low).toBeGreaterThan(40);
    expect(interval.high).toBeLessThan(60);
    expect(interval.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('is unbounded when the samples are too small for the confidence', () => {
    expect(shiftInterval([1, 2, 3], [4, 5, 6])).toMatchObject({ low: -Infinity, high: Infinity });
  });

  it('is not dragged by one outlier', () => {
    const interval = shiftInterval([100, 101, 99, 100, 102, 98], [100, 101, 99, 100, 102, 900]);
    expect(interval.low).toBeLessThanOrEqual(0);
    expect(interval.estimate).toBeLessThan(5);
  });
});

describe('medianBounds', () => {
  it('uses the extremes at 5 samples and tighter order statistics later', () => {
    expect(medianBounds([5, 1, 4, 2, 3])).toEqual({ lower: 1, upper: 5 });
    expect(medianBounds([1, 2, 3, 4])).toEqual({ lower: -Infinity, upper: Infinity });
    expect(medianBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual({ lower: 3, upper: 10 });
  });
});

describe('judgeTiming', () => {
  const rule = { worse: 'higher', margin: { absolute: 50, relative: 0.1 } } as const;

  it('fails a regression past the margin with confidence', () => {
    const judged = judgeTiming([200, 205, 198, 210], [300, 310, 305, 298], rule);
    expect(judged).toMatchObject({ regression: 'fail', verdict: 'fail', allowed: 50 });
  });

  it('passes identical builds on a quiet machine', () => {
    expect(judgeTiming([200, 205, 198, 210], [202, 199, 207, 204], rule).verdict).toBe('pass');
  });

  it('stays undecided, not failed, when noise swamps the margin', () => {
    expect(judgeTiming([200, 600, 198, 900], [650, 199, 880, 204], rule).verdict).toBe('undecided');
  });

  it('treats scores as worse when lower', () => {
    const scoreRule = { worse: 'lower', margin: { absolute: 0.03 }, limit: 0.9 } as const;
    expect(judgeTiming([0.99, 0.98, 0.99, 0.99, 0.98], [0.8, 0.82, 0.79, 0.81, 0.8], scoreRule)).toMatchObject({
      regression: 'fail',
      limit: 'fail',
    });
    expect(judgeTiming([0.99, 0.98, 0.99, 0.99, 0.98], [0.99, 0.98, 0.99, 0.98, 0.99], scoreRule).verdict).toBe('pass');
  });

  it('fails an absolute limit only when every plausible median misses it', () => {
    const limitRule = { worse: 'higher', margin: { absolute: 1000 }, limit: 200 } as const;
    expect(judgeTiming([100, 100, 100, 100, 100], [150, 260, 180, 190, 170], limitRule).limit).toBe('undecided');
    expect(judgeTiming([100, 100, 100, 100, 100], [250, 260, 280, 290, 270], limitRule).limit).toBe('fail');
  });
});
