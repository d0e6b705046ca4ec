import { describe, expect, it } from 'vitest';
import { medianResult } from './medianResult.js';
import { toResult } from './readVitals.js';
import { renderVitalsMarkdown, summarizeScenarios } from './summarizeScenarios.js';

const store = {
  metrics: {
    LCP: { value: 2400, attribution: { target: 'img.hero', url: '/hero.avif', timeToFirstByte: 100, resourceLoadDelay: 200, resourceLoadDuration: 900, elementRenderDelay: 50 } },
    INP: { value: 240, attribution: { target: 'button#buy', type: 'pointer', inputDelay: 10, processingDuration: 200, presentationDelay: 30, longestScript: 'BUTTON#buy.onclick /app.js (190 ms)' } },
    CLS: { value: 0.04, attribution: { target: 'footer', value: 0.03 } },
  },
  longTasks: [
    { start: 100, duration: 300 },
    { start: 2000, duration: 120 },
    { start: 2500, duration: 60 },
  ],
  frames: [{ start: 2000, duration: 130, scripts: ['DIV.onscroll /vendor.js (90 ms)'] }],
};

describe('toResult', () => {
  it('counts blocking time and the longest task inside the window only, and keeps the attribution', () => {
    const result = toResult(store, 1000);
    expect(result).toMatchObject({ lcp: 2400, inp: 240, cls: 0.04, blockingTime: 70 + 10, longestTask: 120, longTaskCount: 2 });
    expect(result.attribution.slowestInteraction).toEqual({ target: 'button#buy', type: 'pointer', duration: 240, inputDelay: 10, processingDuration: 200, presentationDelay: 30, longestScript: 'BUTTON#buy.onclick /app.js (190 ms)' });
    expect(result.attribution.largestShift).toEqual({ target: 'footer', value: 0.03 });
    expect(result.attribution.longFrameScripts).toEqual(['DIV.onscroll /vendor.js (90 ms)']);
  });
});

describe('medianResult and summarizeScenarios', () => {
  const runs = [1000, 3000, 2000].map((lcp) => {
    const { inp: _inp, ...rest } = toResult(store, 0);
    return { ...rest, lcp };
  });

  it('takes the median of each figure', () => {
    expect(medianResult(runs).lcp).toBe(2000);
  });

  it('reports median, min and max per scenario, and renders them as markdown', () => {
    const summary = summarizeScenarios(runs.map((result) => ({ scenario: 'first-load', result, failures: [] })));
    expect(summary['first-load']).toMatchObject({ runs: 3, median: { lcp: 2000 }, min: { lcp: 1000 }, max: { lcp: 3000 } });
    const markdown = renderVitalsMarkdown(summary, 'test');
    expect(markdown).toContain('| first-load | 3 | 2000 |');
    expect(markdown).toContain('- LCP element: `img.hero` (/hero.avif)');
  });
});
