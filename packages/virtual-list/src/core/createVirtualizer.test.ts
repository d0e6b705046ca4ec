import { describe, expect, it, vi } from 'vitest';
import { createVirtualizer, type VirtualizerOptions } from './createVirtualizer.js';

const cap = 33_554_428;

// A stand-in for the browser's scroll box: it stores what the virtualizer writes, and tests fire
// the scroll events a browser would.
function setup(options: Partial<VirtualizerOptions> & { count: number }, viewport = 600) {
  const dom = { real: 0, writes: 0 };
  const virtualizer = createVirtualizer({
    maxScrollSize: cap,
    ...options,
    scrollTo: (real) => {
      dom.real = real;
      dom.writes++;
    },
  });
  virtualizer.setViewport(viewport);
  virtualizer.attach(0);
  const scroll = (real: number, scrolling = true) => {
    dom.real = real;
    virtualizer.onScroll(real, scrolling);
  };
  return { virtualizer, dom, scroll, state: () => virtualizer.getState() };
}

describe('createVirtualizer: ordinary lists', () => {
  it('computes visible and overscanned ranges for fixed sizes', () => {
    const { state, scroll } = setup({ count: 1000, itemSize: 30, overscan: 2 });
    expect(state()).toMatchObject({
      startIndex: 0,
      endIndex: 19,
      renderStart: 0,
      renderEnd: 21,
      scrollSize: 30_000,
      scaled: false,
    });
    scroll(3000);
    expect(state()).toMatchObject({ startIndex: 100, endIndex: 119, renderStart: 98, renderEnd: 121, offset: 3000 });
  });

  it('notifies subscribers when rows move, not when only isScrolling flips', () => {
    const { virtualizer, state, scroll } = setup({ count: 1000, itemSize: 30 });
    const listener = vi.fn<() => void>();
    virtualizer.subscribe(listener);
    scroll(300, true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(state().isScrolling).toBe(true);
    // scrollend at the same offset: nothing on screen changes, so no re-render, but readers see it.
    scroll(300, false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(state().isScrolling).toBe(false);
  });

  it('scrollToIndex aligns start, center, end and auto', () => {
    const { virtualizer, dom } = setup({ count: 1000, itemSize: 30 });
    virtualizer.scrollToIndex(500, { align: 'start' });
    expect(dom.real).toBe(15_000);
    virtualizer.scrollToIndex(500, { align: 'end' });
    expect(dom.real).toBe(15_030 - 600);
    virtualizer.scrollToIndex(500, { align: 'center' });
    expect(dom.real).toBe(15_015 - 300);
    const before = dom.writes;
    virtualizer.scrollToIndex(505, { align: 'auto' });
    expect(dom.writes).toBe(before);
    virtualizer.scrollToIndex(0, { align: 'auto' });
    expect(dom.real).toBe(0);
    virtualizer.scrollToIndex(999, { align: 'auto' });
    expect(dom.real).toBe(30_000 - 600);
    expect(() => virtualizer.scrollToIndex(1.5)).toThrow(/integer/);
  });

  it('keeps the rows on screen still when rows above the viewport get measured', () => {
    const { virtualizer, dom, scroll, state } = setup({ count: 1000, estimateSize: 50 });
    scroll(4800);
    scroll(5000);
    const first = state().startIndex;
    const before = virtualizer.getItemRect(first).start - state().real;
    virtualizer.measure([
      [first - 1, 80],
      [first - 2, 20],
      [first + 1, 90],
    ]);
    expect(virtualizer.getItemRect(first).start - dom.real).toBe(before);
    expect(dom.real).toBe(5000 + 30 - 30);
    virtualizer.measure([[first - 3, 100]]);
    expect(dom.real).toBe(5050);
    expect(virtualizer.getItemRect(first).start - dom.real).toBe(before);
  });

  it('does not compensate measurements after a jump of more than a viewport (nothing was on screen)', () => {
    const { virtualizer, dom, scroll, state } = setup({ count: 1000, estimateSize: 50 });
    scroll(20_000);
    const first = state().startIndex;
    const writes = dom.writes;
    virtualizer.measure([[first - 1, 80]]);
    expect(dom.writes).toBe(writes);
    expect(state().offset).toBe(20_000);
    scroll(20_100);
    virtualizer.measure([[first - 2, 80]]);
    expect(dom.real).toBe(20_130);
  });

  it('fires onEndReached once per count, also when content is shorter than the viewport', () => {
    const onEndReached = vi.fn<(count: number) => void>();
    const { virtualizer } = setup({ count: 3, itemSize: 30, onEndReached });
    expect(onEndReached).toHaveBeenCalledTimes(1);
    expect(onEndReached).toHaveBeenLastCalledWith(3);
    virtualizer.setOptions({ count: 6 });
    expect(onEndReached).toHaveBeenCalledTimes(2);
    virtualizer.setOptions({ count: 100 });
    expect(onEndReached).toHaveBeenCalledTimes(2);
  });

  it('fires onStartReached near the top and onRangeChange on range changes', () => {
    const onStartReached = vi.fn<(count: number) => void>();
    const onRangeChange = vi.fn<(range: { startIndex: number; endIndex: number }) => void>();
    const { scroll } = setup({ count: 1000, itemSize: 30, onStartReached, onRangeChange });
    expect(onStartReached).toHaveBeenCalledWith(1000);
    scroll(90);
    expect(onRangeChange).toHaveBeenLastCalledWith({ startIndex: 3, endIndex: 22 });
  });

  it('keeps the visible rows in place when items are prepended (keys)', () => {
    let keys = Array.from({ length: 100 }, (_, i) => `m${i}`);
    const { virtualizer, scroll, state, dom } = setup({
      count: 100,
      estimateSize: 40,
      getItemKey: (i) => keys[i] ?? i,
    });
    scroll(2000);
    const anchor = state().startIndex;
    const onScreen = virtualizer.getItemRect(anchor).start - dom.real;
    keys = [...Array.from({ length: 20 }, (_, i) => `old${i}`), ...keys];
    virtualizer.setOptions({ count: 120 });
    expect(state().startIndex).toBe(anchor + 20);
    expect(virtualizer.getItemRect(anchor + 20).start - dom.real).toBe(onScreen);
  });

  it('reverse mode starts at the end and follows appended items', () => {
    const { virtualizer, state, dom } = setup({ count: 100, itemSize: 40, reverse: true });
    expect(state().endIndex).toBe(99);
    expect(dom.real).toBe(4000 - 600);
    virtualizer.setOptions({ count: 101 });
    expect(dom.real).toBe(4040 - 600);
  });

  it('restores a snapshot: offset and measurements', () => {
    const first = setup({ count: 1000, estimateSize: 50 });
    first.virtualizer.measure([
      [0, 10],
      [1, 90],
    ]);
    first.scroll(12_345);
    const snapshot = first.virtualizer.getSnapshot();
    const second = setup({ count: 1000, estimateSize: 50, initialSnapshot: snapshot });
    expect(second.dom.real).toBe(12_345);
    expect(second.virtualizer.getItemRect(2).start).toBe(100);
  });

  it('computes the sticky header and the push from the next one', () => {
    const { state, scroll } = setup({ count: 1000, itemSize: 30, stickyIndexes: [0, 10, 20] });
    scroll(100);
    expect(state()).toMatchObject({ stickyIndex: 0, stickyShift: 0 });
    scroll(290);
    expect(state()).toMatchObject({ stickyIndex: 0, stickyShift: -20 });
    scroll(300);
    expect(state()).toMatchObject({ stickyIndex: 10, stickyShift: 0 });
  });
});

describe('createVirtualizer: past the browser cap', () => {
  const rows = 100_000_000;

  it('scales the scroll space and maps a scrollbar drag linearly, exact at the end', () => {
    const { state, scroll } = setup({ count: rows, itemSize: 30 });
    expect(state()).toMatchObject({ scaled: true, scrollSize: cap });
    scroll((cap - 600) / 2);
    expect(state().offset).toBeCloseTo((3e9 - 600) / 2, 0);
    scroll(cap - 600);
    expect(state()).toMatchObject({ endIndex: rows - 1, offset: 3e9 - 600 });
    scroll(0);
    expect(state()).toMatchObject({ startIndex: 0, offset: 0 });
  });

  it('moves 1:1 for wheel-sized steps, then re-syncs the scrollbar when the gesture ends', () => {
    const { state, scroll, dom, virtualizer } = setup({ count: rows, itemSize: 30 });
    scroll(1_000_000);
    const start = state().offset;
    scroll(1_000_100);
    expect(state().offset).toBe(start + 100);
    scroll(1_000_070);
    expect(state().offset).toBe(start + 70);
    const firstRow = state().startIndex;
    const onScreen = virtualizer.getItemRect(firstRow).start - dom.real;
    virtualizer.onScroll(dom.real, false);
    expect(dom.real).toBeCloseTo((start + 70) / ((3e9 - 600) / (cap - 600)), 3);
    expect(virtualizer.getItemRect(firstRow).start - dom.real).toBeCloseTo(onScreen, 3);
    expect(state().offset).toBe(start + 70);
  });

  it('scrollToIndex reaches the last row exactly', () => {
    const { virtualizer, state, dom } = setup({ count: rows, itemSize: 30 });
    virtualizer.scrollToIndex(rows - 1, { align: 'end' });
    expect(dom.real).toBe(cap - 600);
    expect(state().endIndex).toBe(rows - 1);
    virtualizer.scrollToIndex(rows / 2, { align: 'start' });
    expect(state().startIndex).toBe(rows / 2);
  });

  it('re-syncs at once when the scrollbar hits an edge before the list does', () => {
    const { state, scroll, dom } = setup({ count: rows, itemSize: 30 });
    const ratio = (3e9 - 600) / (cap - 600);
    scroll(50_000);
    expect(state().offset).toBeCloseTo(50_000 * ratio, 3);
    for (let real = 49_000; real >= 0; real -= 1000) scroll(real);
    // The wheel went 50,000 px up 1:1, so the list is still far from its top: the DOM gets room again.
    expect(state().offset).toBeCloseTo(50_000 * ratio - 50_000, 3);
    expect(dom.real).toBeCloseTo(state().offset / ratio, 3);
  });

  it('handles measured rows at 100M without per-row memory', () => {
    const { virtualizer, state } = setup({ count: rows, estimateSize: 30 });
    virtualizer.scrollToIndex(rows - 1, { align: 'end' });
    virtualizer.measure([[rows - 1, 60]]);
    expect(state().endIndex).toBe(rows - 1);
    expect(virtualizer.getSnapshot().measurements).toEqual([rows - 1, 60]);
  });
});
