import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter.js';

describe('createRateLimiter', () => {
  it('lets a burst through, then refills at perSecond on the given clock', () => {
    let clock = 1_000_000;
    const limiter = createRateLimiter({ perSecond: 2, burst: 3, now: () => clock });
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    clock += 499;
    expect(limiter.take('a').ok).toBe(false);
    clock += 1;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });
});
