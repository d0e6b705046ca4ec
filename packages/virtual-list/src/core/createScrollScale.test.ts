import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScrollScale } from './createScrollScale.js';

const cap = 33_554_428;

describe('createScrollScale', () => {
  it('is the identity while the list fits', () => {
    const scale = createScrollScale(1_000_000, 600, cap);
    expect(scale.scaled).toBe(false);
    expect(scale.scrollSize).toBe(1_000_000);
    expect(scale.toReal(1234.5)).toBe(1234.5);
    expect(scale.toVirtual(999_999)).toBe(999_400);
  });

  it('is exact at both ends at 100M rows of 30 px', () => {
    const total = 3_000_000_000;
    const scale = createScrollScale(total, 600, cap);
    expect(scale.scaled).toBe(true);
    expect(scale.scrollSize).toBe(cap);
    expect(scale.toVirtual(0)).toBe(0);
    expect(scale.toVirtual(cap - 600)).toBe(total - 600);
    expect(scale.toReal(total - 600)).toBe(cap - 600);
    expect(scale.toReal(0)).toBe(0);
  });

  it('is monotonic and invertible (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e10, noNaN: true }),
        fc.integer({ min: 100, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, viewport, a, b) => {
          const scale = createScrollScale(total, viewport, cap);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(scale.toVirtual(lo * scale.maxReal)).toBeLessThanOrEqual(scale.toVirtual(hi * scale.maxReal));
          const real = lo * scale.maxReal;
          expect(scale.toReal(scale.toVirtual(real))).toBeCloseTo(real, 3);
        },
      ),
    );
  });

  it('clamps out-of-range offsets', () => {
    const scale = createScrollScale(3e9, 600, cap);
    expect(scale.toVirtual(-10)).toBe(0);
    expect(scale.toVirtual(1e12)).toBe(3e9 - 600);
    expect(scale.toReal(-1)).toBe(0);
    expect(scale.toReal(1e15)).toBe(cap - 600);
  });
});
