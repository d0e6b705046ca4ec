import { describe, expect, it, vi } from 'vitest';
import { alignOffset } from './alignOffset.js';
import { createReachTracker } from './createReachTracker.js';
import { createSizeModel } from './createSizeModel.js';
import { isPrepend } from './prependAnchor.js';
import { smoothOffset, smoothScrollEnded } from './smoothScroll.js';

describe('alignOffset', () => {
  const model = createSizeModel({ count: 100, size: 50, fixed: true });
  it('puts the item at the start, centre or end of the viewport', () => {
    expect(alignOffset(model, 10, 'start', 0, 200)).toBe(500);
    expect(alignOffset(model, 10, 'center', 0, 200)).toBe(425);
    expect(alignOffset(model, 10, 'end', 0, 200)).toBe(350);
  });
  it('auto stays when the item is fully visible, and otherwise moves the least', () => {
    expect(alignOffset(model, 3, 'auto', 100, 200)).toBe(100);
    expect(alignOffset(model, 10, 'auto', 0, 200)).toBe(350);
    expect(alignOffset(model, 1, 'auto', 400, 200)).toBe(50);
  });
});

describe('isPrepend', () => {
  const keys = ['c', 'd', 'a', 'b'];
  const key = (index: number) => keys[index] ?? index;
  it('recognises the anchor key moved by the growth', () => {
    expect(isPrepend({ key: 'a', index: 0 }, 2, 4, key)).toBe(true);
  });
  it('rejects appends, no anchor and keys that did not move', () => {
    expect(isPrepend({ key: 'c', index: 0 }, 2, 4, key)).toBe(false);
    expect(isPrepend(null, 2, 4, key)).toBe(false);
    expect(isPrepend({ key: 'a', index: 0 }, 0, 4, key)).toBe(false);
  });
});

describe('smooth scroll', () => {
  const s = { fromVirtual: 0, fromReal: 0, toVirtual: 1000, toReal: 100 };
  it('maps the animated real offset proportionally and lands exactly on the target', () => {
    expect(smoothOffset(s, 50)).toBe(500);
    expect(smoothOffset(s, 99.5)).toBe(1000);
    expect(smoothScrollEnded(s, 50, true)).toBe(false);
    expect(smoothScrollEnded(s, 50, false)).toBe(true);
    expect(smoothScrollEnded(s, 100, true)).toBe(true);
  });
});

describe('createReachTracker', () => {
  it('reports each end once per count', () => {
    const onEndReached = vi.fn<(count: number) => void>();
    const onStartReached = vi.fn<(count: number) => void>();
    const report = createReachTracker();
    const options = { count: 10, onEndReached, onStartReached };
    report({ count: 10, total: 500, offset: 0, viewport: 400 }, options);
    report({ count: 10, total: 500, offset: 100, viewport: 400 }, options);
    expect(onEndReached.mock.calls).toEqual([[10]]);
    expect(onStartReached.mock.calls).toEqual([[10]]);
    report({ count: 20, total: 1000, offset: 0, viewport: 400 }, options);
    expect(onEndReached.mock.calls).toEqual([[10]]);
    expect(onStartReached.mock.calls).toEqual([[10], [20]]);
  });
});
