import { describe, expect, it } from 'vitest';
import { capSrcSet } from './capSrcSet.js';
import { isConstrainedNetwork } from './isConstrainedNetwork.js';
import { formatSrcSet, parseSrcSet } from './parseSrcSet.js';
import { describeBoxError, resolveBox } from './resolveBox.js';
import { observerMargin, resolveLoading } from './resolveLoading.js';
import { overlapSeconds } from './scrollLookahead.js';

describe('parseSrcSet', () => {
  it('parses width, density and bare candidates and formats them back', () => {
    const parsed = parseSrcSet(' a.jpg 320w,b.jpg 640w , c.jpg 2x, d.jpg');
    expect(parsed).toEqual([
      { url: 'a.jpg', value: 320, unit: 'w' },
      { url: 'b.jpg', value: 640, unit: 'w' },
      { url: 'c.jpg', value: 2, unit: 'x' },
      { url: 'd.jpg', value: 1, unit: 'x' },
    ]);
    expect(formatSrcSet(parsed)).toBe('a.jpg 320w, b.jpg 640w, c.jpg 2x, d.jpg 1x');
  });
  it('rejects malformed descriptors', () => {
    expect(() => parseSrcSet('a.jpg 320px')).toThrow(/bad srcset "a.jpg 320px"/);
    expect(() => parseSrcSet('a.jpg 1x 2x')).toThrow(/bad srcset/);
    expect(() => parseSrcSet('a.jpg 1.2.3x')).toThrow(/bad srcset/);
  });
  it('skips empty parts and takes a fraction without a leading digit, as browsers do', () => {
    expect(parseSrcSet('a.jpg 1x, ,b.jpg .5x,')).toEqual([
      { url: 'a.jpg', value: 1, unit: 'x' },
      { url: 'b.jpg', value: 0.5, unit: 'x' },
    ]);
  });
});

describe('capSrcSet', () => {
  const set = 'l.jpg 1280w, s.jpg 320w, m.jpg 640w';
  it('keeps candidates up to the first that covers the width at 1x', () => {
    expect(capSrcSet(set, 400)).toBe('s.jpg 320w, m.jpg 640w');
    expect(capSrcSet(set, 320)).toBe('s.jpg 320w');
    expect(capSrcSet(set, 5000)).toBe('s.jpg 320w, m.jpg 640w, l.jpg 1280w');
  });
  it('keeps only the smallest without a width, and 1x for density sets', () => {
    expect(capSrcSet(set, undefined)).toBe('s.jpg 320w');
    expect(capSrcSet('a.jpg 1x, b.jpg 2x', 300)).toBe('a.jpg 1x');
  });
});

describe('isConstrainedNetwork', () => {
  it('flags Save-Data and slow effective types only', () => {
    expect(isConstrainedNetwork(undefined)).toBe(false);
    expect(isConstrainedNetwork({ effectiveType: '4g' })).toBe(false);
    expect(isConstrainedNetwork({ effectiveType: '4g', saveData: true })).toBe(true);
    for (const type of ['slow-2g', '2g', '3g']) expect(isConstrainedNetwork({ effectiveType: type })).toBe(true);
  });
});

describe('resolveLoading', () => {
  it('prefers eager for priority, observer for a distance or a constrained network, else the scroll look-ahead', () => {
    expect(resolveLoading({ priority: true, rootMargin: '600px', constrained: true })).toEqual({ kind: 'eager' });
    expect(resolveLoading({ priority: false, rootMargin: '600px', constrained: false })).toEqual({
      kind: 'observer',
      rootMargin: '600px',
    });
    expect(resolveLoading({ priority: false, rootMargin: '600px', constrained: true })).toEqual({
      kind: 'observer',
      rootMargin: '0px',
    });
    expect(resolveLoading({ priority: false, rootMargin: undefined, constrained: false })).toEqual({
      kind: 'scroll-lookahead',
    });
  });
  it('gives the component the bare observer margin: null when not observed, empty for the look-ahead', () => {
    expect(observerMargin(true, '600px', true)).toBeNull();
    expect(observerMargin(false, '600px', false)).toBe('600px');
    expect(observerMargin(false, '600px', true)).toBe('0px');
    expect(observerMargin(true, undefined, false)).toBeNull();
    expect(observerMargin(undefined, undefined, false)).toBe('');
  });
});

describe('overlapSeconds', () => {
  // A 250 px box in a 900 px viewport, along one axis.
  it('gives when a box coming from below enters and leaves the viewport', () => {
    // 1,800 px below the top, scrolling down at 1,800 px/s: in at 0.5 s, out at (1,800 + 250) / 1,800 s.
    expect(overlapSeconds(1800, 2050, 900, 1800)).toEqual([0.5, 2050 / 1800]);
  });
  it('gives when a box coming from above enters and leaves while the page scrolls up', () => {
    expect(overlapSeconds(-450, -200, 900, -400)).toEqual([0.5, 1350 / 400]);
  });
  it('puts a box the scroll moves away from in the past', () => {
    const [from, until] = overlapSeconds(1800, 2050, 900, -1800);
    expect(until).toBeLessThan(0);
    expect(from).toBeLessThan(until);
  });
  it('says always for a still box in view and never for one out of view', () => {
    expect(overlapSeconds(100, 350, 900, 0)).toEqual([-Infinity, Infinity]);
    expect(overlapSeconds(1000, 1250, 900, 0)).toEqual([Infinity, Infinity]);
    expect(overlapSeconds(-300, -50, 900, 0)).toEqual([Infinity, Infinity]);
  });
  it('counts a box in view as overlapping from the past until it leaves', () => {
    const [from, until] = overlapSeconds(100, 350, 900, 700);
    expect(from).toBeLessThan(0);
    expect(until).toBe(0.5);
  });
});

describe('resolveBox', () => {
  it('derives the ratio from width/height or aspectRatio', () => {
    expect(resolveBox({ width: 400, height: 300 })).toEqual({ ratio: 4 / 3, width: 400 });
    expect(resolveBox({ aspectRatio: '16 / 9' })).toEqual({ ratio: 16 / 9, width: undefined });
    expect(resolveBox({ aspectRatio: 1.5, width: 300 })).toEqual({ ratio: 1.5, width: 300 });
    expect(resolveBox({ aspectRatio: '1.5', width: -1 })).toEqual({ ratio: 1.5, width: undefined });
  });
  it('rejects a missing or bad size with a clear description', () => {
    const bad = [
      { width: 400 },
      { height: 300 },
      { aspectRatio: 'wide' },
      { aspectRatio: '16/0' },
      { width: 400, height: Number.NaN },
      { width: 400, height: -300 },
      { width: -400, height: -300 },
      { width: 0, height: 300 },
    ];
    for (const input of bad) {
      expect(resolveBox(input)).toBeUndefined();
    }
    expect(describeBoxError({ width: 400 })).toBe(
      'lazy-image: give width+height or aspectRatio (to reserve the box); got {"width":400}',
    );
    expect(describeBoxError({ aspectRatio: 'wide' })).toMatch(/got \{"aspectRatio":"wide"\}/);
  });
});
