import { describe, expect, it } from 'vitest';
import { sampleAlternately, type Side } from './sampleAlternately.js';

/** A deterministic "noisy" series: the same pseudo-random jitter every run of the test. */
function jitter(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

const rules = { tbt: { worse: 'higher', margin: { absolute: 50, relative: 0.1 } } } as const;

describe('sampleAlternately', () => {
  it('alternates ABBA and stops as soon as every figure is decided', async () => {
    const order: Side[] = [];
    const result = await sampleAlternately('same', rules, async (side) => {
      order.push(side);
      return { tbt: 100 + (order.length % 3) };
    });
    expect(order.slice(0, 4)).toEqual(['reference', 'candidate', 'candidate', 'reference']);
    expect(result).toMatchObject({ verdict: 'pass', runs: { reference: 4, candidate: 4 } });
    expect(result.stoppedBecause).toContain('every figure decided after 4');
  });

  it('fails a candidate slower by more than the margin', async () => {
    const noise = jitter(7);
    const result = await sampleAlternately('slower', rules, async (side) => ({
      tbt: (side === 'candidate' ? 300 : 150) + 20 * noise(),
    }));
    expect(result.verdict).toBe('fail');
    expect(result.figures.tbt).toMatchObject({ regression: 'fail', allowed: 50 });
  });

  it('samples up to the cap when noise hides the answer, then passes as undecided', async () => {
    const noise = jitter(3);
    const result = await sampleAlternately('noisy', rules, async () => ({ tbt: 150 + 2000 * noise() }), { maxRuns: 6 });
    expect(result.runs.candidate).toBe(6);
    expect(result.verdict).toBe('undecided');
    expect(result.stoppedBecause).toContain('cap of 6');
  });

  it('rejects a plan it cannot follow', async () => {
    await expect(sampleAlternately('bad', rules, async () => ({ tbt: 1 }), { minRuns: 5, maxRuns: 4 })).rejects.toThrow(
      /minRuns/,
    );
  });
});
