import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSizeModel } from './createSizeModel.js';

// The obvious O(count) model the sparse one must agree with.
function naive(count: number, estimate: number, sizes: Map<number, number>) {
  const size = (i: number) => sizes.get(i) ?? estimate;
  const offsetOf = (index: number) => {
    let sum = 0;
    for (let i = 0; i < index; i++) sum += size(i);
    return sum;
  };
  const indexAt = (offset: number) => {
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += size(i);
      if (sum > offset) return i;
    }
    return count - 1;
  };
  return { offsetOf, indexAt, total: () => offsetOf(count) };
}

describe('createSizeModel', () => {
  it('fixed sizes are exact arithmetic at 100M rows', () => {
    const model = createSizeModel({ count: 100_000_000, size: 30, fixed: true });
    expect(model.total()).toBe(3_000_000_000);
    expect(model.offsetOf(99_999_999)).toBe(2_999_999_970);
    expect(model.indexAt(2_999_999_999)).toBe(99_999_999);
    expect(model.indexAt(1e12)).toBe(99_999_999);
    expect(model.indexAt(-5)).toBe(0);
    expect(model.set(3, 99)).toBe(0);
  });

  it('measured sizes agree with a naive prefix sum (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 80 }),
        fc.array(fc.tuple(fc.nat(299), fc.integer({ min: 0, max: 200 })), { maxLength: 60 }),
        fc.array(fc.double({ min: -10, max: 30_000, noNaN: true }), { maxLength: 20 }),
        (count, estimate, writes, probes) => {
          const model = createSizeModel({ count, size: estimate });
          const sizes = new Map<number, number>();
          for (const [index, size] of writes) {
            if (index >= count) continue;
            model.set(index, size);
            sizes.set(index, size);
          }
          const expected = naive(count, estimate, sizes);
          expect(model.total()).toBe(expected.total());
          for (let i = 0; i <= count; i += Math.max(1, Math.floor(count / 17)))
            expect(model.offsetOf(i)).toBe(expected.offsetOf(i));
          for (const offset of probes) expect(model.indexAt(offset)).toBe(expected.indexAt(offset));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays sparse at 100M rows: memory follows the measured rows only', () => {
    const model = createSizeModel({ count: 100_000_000, size: 30 });
    model.set(50_000_000, 130);
    expect(model.total()).toBe(3_000_000_100);
    expect(model.offsetOf(50_000_001)).toBe(50_000_001 * 30 + 100);
    expect(model.indexAt(50_000_000 * 30 + 129)).toBe(50_000_000);
    expect(model.indexAt(50_000_000 * 30 + 130)).toBe(50_000_001);
    expect(model.measurements()).toEqual([50_000_000, 130]);
  });

  it('shifts measurements when items are prepended and drops those past a shrink', () => {
    const model = createSizeModel({ count: 10, size: 10 });
    model.set(0, 50);
    model.set(9, 70);
    model.resize(13, 3);
    expect(model.sizeOf(3)).toBe(50);
    expect(model.sizeOf(12)).toBe(70);
    expect(model.total()).toBe(13 * 10 + 40 + 60);
    model.resize(5);
    expect(model.measurements()).toEqual([3, 50]);
    expect(model.total()).toBe(5 * 10 + 40);
  });

  it('rejects bad input with a clear error', () => {
    expect(() => createSizeModel({ count: -1, size: 10 })).toThrow(/count/);
    expect(() => createSizeModel({ count: 1.5, size: 10 })).toThrow(/count/);
    expect(() => createSizeModel({ count: 1, size: 0 })).toThrow(/size/);
    expect(() => createSizeModel({ count: 1, size: 10 }).set(0, Number.NaN)).toThrow(/size/);
  });

  it('handles an empty list', () => {
    const model = createSizeModel({ count: 0, size: 10 });
    expect(model.total()).toBe(0);
    expect(model.indexAt(0)).toBe(-1);
  });
});
