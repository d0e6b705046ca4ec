import { describe, expect, it } from 'vitest';
import { toResult } from './readVitals.js';

const store = {
  metrics: {
    LCP: {
      value: 2400,
      attribution: {
        target: 'img.hero',
        url: '/hero.avif',
        timeToFirstByte: 100,
        resourceLoadDelay: 200,
        resourceLoadDuration: 900,
        elementRenderDelay: 50,
      },
    },
    INP: {
      value: 240,
      attribution: {
        target: 'button#buy',
        type: 'pointer',
        inputDelay: 10,
        processingDuration: 200,
        presentationDelay: 30,
        longestScript: 'BUTTON#buy.onclick /app.js (190 ms)',
      },
    },
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
    expect(result).toMatchObject({
      lcp: 2400,
      inp: 240,
      cls: 0.04,
      blockingTime: 70 + 10,
      longestTask: 120,
      longTaskCount: 2,
    });
    expect(result.attribution.slowestInteraction).toEqual({
      target: 'button#buy',
      type: 'pointer',
      duration: 240,
      inputDelay: 10,
      processingDuration: 200,
      presentationDelay: 30,
      longestScript: 'BUTTON#buy.onclick /app.js (190 ms)',
    });
    expect(result.attribution.largestShift).toEqual({ target: 'footer', value: 0.03 });
    expect(result.attribution.longFrameScripts).toEqual(['DIV.onscroll /vendor.js (90 ms)']);
  });
});
