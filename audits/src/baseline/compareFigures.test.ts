import { describe, expect, it } from 'vitest';
import { stableChunkName } from './collectFigures.js';
import { allowedSlack, compareFigures, describeRegression, updateBaseline } from './compareFigures.js';
import type { Baseline } from './types.js';

// The repository's policy: deterministic figures are exact (cls keeps a hair under anything visible).
const tolerances = {
  bytes: { absolute: 0 },
  count: { absolute: 0 },
  score: { absolute: 0 },
  cls: { absolute: 0.001 },
  identity: { absolute: 0 },
};
const baseline: Baseline = {
  updatedAt: '2026-01-01T00:00:00.000Z',
  note: '',
  figures: {
    'size:chunk:entry.js': { kind: 'bytes', value: 4000 },
    'lighthouse:m:accessibility': { kind: 'score', value: 1 },
    'vitals:s:requests': { kind: 'count', value: 12 },
    'vitals:s:cls': { kind: 'cls', value: 0 },
    'vitals:s:lcpElement': { kind: 'identity', value: 0, text: 'img.hero' },
    'vitals:gone:bytes': { kind: 'bytes', value: 900 },
  },
};

describe('compareFigures', () => {
  it('fails any growth of a deterministic figure, in the right direction per kind', () => {
    const { regressions, added, notMeasured } = compareFigures(
      baseline,
      [
        { id: 'size:chunk:entry.js', kind: 'bytes', value: 4001 },
        { id: 'lighthouse:m:accessibility', kind: 'score', value: 1 },
        { id: 'vitals:s:requests', kind: 'count', value: 11 },
        { id: 'vitals:s:cls', kind: 'cls', value: 0.0004 },
        { id: 'vitals:s:lcpElement', kind: 'identity', value: 0, text: 'h1' },
        { id: 'size:chunk:new.js', kind: 'bytes', value: 10 },
      ],
      tolerances,
    );
    expect(regressions.map((r) => r.id)).toEqual(['size:chunk:entry.js', 'vitals:s:lcpElement']);
    expect(added.map((figure) => figure.id)).toEqual(['size:chunk:new.js']);
    expect(notMeasured).toEqual(['vitals:gone:bytes']);
    expect(describeRegression(regressions[0]!)).toBe(
      'size:chunk:entry.js regressed by 1 B / 0.0 % (4000 B -> 4001 B, allowed 0 B)',
    );
    expect(describeRegression(regressions[1]!)).toBe('vitals:s:lcpElement changed: "img.hero" -> "h1"');
  });

  it('fails a score that dropped at all, and a request more', () => {
    const { regressions } = compareFigures(
      baseline,
      [
        { id: 'lighthouse:m:accessibility', kind: 'score', value: 0.98 },
        { id: 'vitals:s:requests', kind: 'count', value: 13 },
      ],
      tolerances,
    );
    expect(regressions.map(describeRegression)).toEqual([
      'lighthouse:m:accessibility regressed by 0.02 / 2.0 % (1.00 -> 0.98, allowed 0.00)',
      'vitals:s:requests regressed by 1 / 8.3 % (12 -> 13, allowed 0)',
    ]);
  });

  it('uses the larger of the absolute and relative slack', () => {
    expect(allowedSlack({ absolute: 150, relative: 0.15 }, 2000)).toBe(300);
    expect(allowedSlack({ absolute: 150, relative: 0.15 }, 500)).toBe(150);
  });
});

describe('updateBaseline', () => {
  it('replaces the groups it measured, drops their vanished figures, and keeps groups it did not measure', () => {
    const next = updateBaseline(
      baseline,
      [
        { id: 'vitals:s:requests', kind: 'count', value: 14 },
        { id: 'size:chunk:main.js', kind: 'bytes', value: 5000 },
      ],
      'note',
      new Date('2026-02-02T00:00:00Z'),
    );
    expect(next.updatedAt).toBe('2026-02-02T00:00:00.000Z');
    expect(next.figures['vitals:s:requests']).toEqual({ kind: 'count', value: 14 });
    expect(next.figures['vitals:s:cls']).toBeUndefined();
    expect(next.figures['size:chunk:entry.js']).toBeUndefined();
    expect(next.figures['lighthouse:m:accessibility']).toEqual({ kind: 'score', value: 1 });
    expect(Object.keys(next.figures)).toEqual([
      'lighthouse:m:accessibility',
      'size:chunk:main.js',
      'vitals:gone:bytes',
      'vitals:s:requests',
    ]);
  });
});

describe('stableChunkName', () => {
  it('drops the content hash so a chunk keeps its figure across builds', () => {
    expect(stableChunkName('assets/react-vendor-C1iE8mnY.js')).toBe('react-vendor.js');
    expect(stableChunkName('assets/entry-DBhONkhD.css')).toBe('entry.css');
    expect(stableChunkName('assets/ItemPage-Cd1my-Y5.js')).toBe('ItemPage.js');
  });
});
