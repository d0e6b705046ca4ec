import { describe, expect, it } from 'vitest';
import { stableChunkName } from './collectFigures.js';
import { allowedSlack, compareFigures, describeRegression, updateBaseline } from './compareFigures.js';
import type { Baseline } from './types.js';

const tolerances = { bytes: { absolute: 300 }, score: { absolute: 0.03 }, labTime: { absolute: 150, relative: 0.15 }, fieldTime: { absolute: 300, relative: 0.35 }, cls: { absolute: 0.02 } };
const baseline: Baseline = {
  updatedAt: '2026-01-01T00:00:00.000Z',
  note: '',
  figures: {
    'size:chunk:entry.js': { kind: 'bytes', value: 4000 },
    'lighthouse:m:performance': { kind: 'score', value: 0.98 },
    'lighthouse:m:lcp': { kind: 'labTime', value: 2000 },
    'vitals:s:cls': { kind: 'cls', value: 0.02 },
    'vitals:gone:lcp': { kind: 'fieldTime', value: 900 },
  },
};

describe('compareFigures', () => {
  it('fails only figures that got worse by more than their slack, in the right direction per kind', () => {
    const { regressions, added, notMeasured } = compareFigures(
      baseline,
      [
        { id: 'size:chunk:entry.js', kind: 'bytes', value: 4301 },
        { id: 'lighthouse:m:performance', kind: 'score', value: 0.95 },
        { id: 'lighthouse:m:lcp', kind: 'labTime', value: 1500 },
        { id: 'vitals:s:cls', kind: 'cls', value: 0.05 },
        { id: 'size:chunk:new.js', kind: 'bytes', value: 10 },
      ],
      tolerances,
    );
    expect(regressions.map((r) => r.id)).toEqual(['size:chunk:entry.js', 'vitals:s:cls']);
    expect(added.map((figure) => figure.id)).toEqual(['size:chunk:new.js']);
    expect(notMeasured).toEqual(['vitals:gone:lcp']);
    expect(describeRegression(regressions[0]!)).toBe('size:chunk:entry.js regressed by 301 B / 7.5 % (4000 B -> 4301 B, allowed 300 B)');
  });

  it('fails a score that dropped past its slack', () => {
    const { regressions } = compareFigures(baseline, [{ id: 'lighthouse:m:performance', kind: 'score', value: 0.94 }], tolerances);
    expect(describeRegression(regressions[0]!)).toBe('lighthouse:m:performance regressed by 0.04 / 4.1 % (0.98 -> 0.94, allowed 0.03)');
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
        { id: 'lighthouse:m:lcp', kind: 'labTime', value: 1800, min: 1750, max: 1900 },
        { id: 'size:chunk:main.js', kind: 'bytes', value: 5000 },
      ],
      'note',
      new Date('2026-02-02T00:00:00Z'),
    );
    expect(next.updatedAt).toBe('2026-02-02T00:00:00.000Z');
    expect(next.figures['lighthouse:m:lcp']).toEqual({ kind: 'labTime', value: 1800, min: 1750, max: 1900 });
    expect(next.figures['lighthouse:m:performance']).toBeUndefined();
    expect(next.figures['size:chunk:entry.js']).toBeUndefined();
    expect(next.figures['vitals:s:cls']).toEqual({ kind: 'cls', value: 0.02 });
    expect(Object.keys(next.figures)).toEqual(['lighthouse:m:lcp', 'size:chunk:main.js', 'vitals:gone:lcp', 'vitals:s:cls']);
  });
});

describe('stableChunkName', () => {
  it('drops the content hash so a chunk keeps its figure across builds', () => {
    expect(stableChunkName('assets/react-vendor-C1iE8mnY.js')).toBe('react-vendor.js');
    expect(stableChunkName('assets/entry-DBhONkhD.css')).toBe('entry.css');
    expect(stableChunkName('assets/ItemPage-Cd1my-Y5.js')).toBe('ItemPage.js');
  });
});
