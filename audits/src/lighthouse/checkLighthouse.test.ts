import { describe, expect, it } from 'vitest';
import { checkLighthouse } from './checkLighthouse.js';
import { summarizeLhr, type LhrLike } from './summarizeLhr.js';

const lhr: LhrLike = {
  finalDisplayedUrl: 'http://127.0.0.1:1/',
  categories: {
    performance: {
      score: 0.91,
      auditRefs: [
        { id: 'largest-contentful-paint', weight: 25 },
        { id: 'total-blocking-time', weight: 30 },
      ],
    },
    accessibility: {
      score: 0.88,
      auditRefs: [
        { id: 'image-alt', weight: 10 },
        { id: 'color-contrast', weight: 7 },
      ],
    },
  },
  audits: {
    'largest-contentful-paint': {
      id: 'largest-contentful-paint',
      title: 'Largest Contentful Paint',
      score: 0.7,
      scoreDisplayMode: 'numeric',
      numericValue: 2900,
      displayValue: '2.9 s',
    },
    'total-blocking-time': {
      id: 'total-blocking-time',
      title: 'Total Blocking Time',
      score: 1,
      scoreDisplayMode: 'numeric',
      numericValue: 40,
    },
    'cumulative-layout-shift': { id: 'cumulative-layout-shift', title: 'CLS', score: 1, numericValue: 0.01 },
    'image-alt': {
      id: 'image-alt',
      title: 'Image elements do not have [alt] attributes',
      score: 0,
      scoreDisplayMode: 'binary',
      details: { type: 'table', items: [{ node: { selector: 'img#hero', snippet: '<img id="hero">' } }] },
    },
    'color-contrast': { id: 'color-contrast', title: 'Contrast', score: 1, scoreDisplayMode: 'binary' },
    'largest-contentful-paint-element': {
      id: 'largest-contentful-paint-element',
      title: 'LCP element',
      score: null,
      details: { type: 'list', items: [{ type: 'table', items: [{ node: { selector: 'h1.title' } }] }] },
    },
  },
};

describe('summarizeLhr', () => {
  it('keeps scores, metrics, the LCP element and the audits that cost points', () => {
    const summary = summarizeLhr(lhr);
    expect(summary.scores).toEqual({ performance: 0.91, accessibility: 0.88 });
    expect(summary.metrics).toEqual({ lcp: 2900, tbt: 40, cls: 0.01 });
    expect(summary.lcpElement).toBe('h1.title');
    expect(summary.findings.accessibility).toEqual([
      {
        id: 'image-alt',
        title: 'Image elements do not have [alt] attributes',
        score: 0,
        items: ['img#hero <img id="hero">'],
      },
    ]);
  });

  it('refuses a result Lighthouse could not produce', () => {
    expect(() => summarizeLhr({ ...lhr, runtimeError: { code: 'NO_FCP', message: 'The page did not paint' } })).toThrow(
      /NO_FCP: The page did not paint/,
    );
  });
});

describe('checkLighthouse', () => {
  const summary = summarizeLhr(lhr);

  it('names each missed score with the audits behind it, and each metric over its limit', () => {
    const failures = checkLighthouse(
      { id: 'mobile-home', minScores: { performance: 0.95, accessibility: 0.9 }, maxMetrics: { lcp: 2500, tbt: 200 } },
      summary,
    );
    expect(failures).toEqual([
      'mobile-home: performance score 0.91 is below 0.95; failing audits: "Largest Contentful Paint" [largest-contentful-paint] 2.9 s',
      'mobile-home: accessibility score 0.88 is below 0.90; failing audits: "Image elements do not have [alt] attributes" [image-alt] score 0 at img#hero <img id="hero">',
      'mobile-home: Largest Contentful Paint 2900 ms is over its limit of 2500 ms (LCP element: h1.title)',
    ]);
  });

  it('passes when every figure is within its limit, and flags a figure that was not measured', () => {
    expect(checkLighthouse({ id: 'x', minScores: { performance: 0.9 }, maxMetrics: { cls: 0.1 } }, summary)).toEqual(
      [],
    );
    expect(checkLighthouse({ id: 'x', minScores: { seo: 0.9 }, maxMetrics: { si: 3000 } }, summary)).toEqual([
      'x: seo was not measured (is the category in the run?)',
      'x: Speed Index was not measured',
    ]);
  });
});
