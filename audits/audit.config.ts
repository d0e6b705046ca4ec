import type { AppBuild, CategoryMinimums, LighthouseRunConfig, MetricLimits, Tolerance, VitalsLimits } from './src/types.js';

// The performance gates of the demo PWA. Limits are the bar the app must clear; the baseline (baseline.json)
// separately catches a slide that stays under the bar. Change a limit only with a reason written next to it.

/**
 * The audited build: the client files and the compiled server that serves them (its compression, cache headers
 * and CSP are part of what users get, so they are part of what is measured). `npm run build` makes both.
 */
export const appBuild: AppBuild = { distDir: 'apps/demo/dist', serverModule: 'apps/demo/dist-server/createDemoServer.js' };

/**
 * Whether a missing audits/baseline.json fails the baseline step. true: the baseline is committed, so a missing
 * one is a mistake. false: there is none yet (a new app, whose figures must be measured on its own machine), so
 * the step says so, compares nothing and passes. Set it to true once the first baseline is committed.
 */
export const requireBaseline = true;

/** Issue #7's bar for every page: perf >= 0.95 on mobile (goal 1.00), a11y and best practices >= 0.95, SEO >= 0.9. */
const mobileScores: CategoryMinimums = { performance: 0.95, accessibility: 0.95, 'best-practices': 0.95, seo: 0.9 };
const desktopScores: CategoryMinimums = { performance: 0.95, accessibility: 0.95, 'best-practices': 0.95, seo: 0.9 };

// Mobile: web.dev's "good" LCP (2.5 s) and CLS (0.1) and Lighthouse's "good" TBT (200 ms), under Lighthouse's
// simulated slow 4G + 4x CPU. Desktop: the points where Lighthouse's desktop curves give a metric 0.9.
const mobileMetrics: MetricLimits = { lcp: 2500, tbt: 200, cls: 0.1 };
const desktopMetrics: MetricLimits = { lcp: 1200, tbt: 150, cls: 0.1 };

/** Every Lighthouse run of `npm run audit:lighthouse`; the `ci: true` ones are the short set `npm test` runs. */
export const lighthouseRuns: readonly LighthouseRunConfig[] = [
  { id: 'mobile-catalog', route: '/', formFactor: 'mobile', ci: true, minScores: mobileScores, maxMetrics: mobileMetrics },
  // The item page's LCP is the product image (AVIF from the API), so its LCP limit is the same "good" bar.
  { id: 'mobile-item', route: '/items/1', formFactor: 'mobile', minScores: mobileScores, maxMetrics: mobileMetrics },
  { id: 'desktop-catalog', route: '/', formFactor: 'desktop', minScores: desktopScores, maxMetrics: desktopMetrics },
  { id: 'desktop-item', route: '/items/1', formFactor: 'desktop', minScores: desktopScores, maxMetrics: desktopMetrics },
  // A repeat visit through the service worker must be at least as good as a first one: same limits, perf only
  // (the other categories do not change with a warm cache).
  {
    id: 'mobile-catalog-warm',
    route: '/',
    formFactor: 'mobile',
    warm: true,
    categories: ['performance'],
    minScores: { performance: 0.95 },
    maxMetrics: mobileMetrics,
  },
];

/** Lighthouse runs per target: the median run (by each figure) is what gates and what the baseline stores. */
export const lighthouseRepeats = { ci: 1, full: 3 } as const;

/** Limits of the Playwright vitals scenarios (4x CPU, slow 4G), by scenario id (see audits/e2e/perf.spec.ts). */
export const vitalsLimits: Readonly<Record<string, VitalsLimits>> = {
  // CDP throttles per request (562 ms added to each), so a cold catalog pays four round trips in a row before its
  // first row can paint (document, entry JS, route chunk, catalog API: ~2.3 s) plus transfer and 4x CPU work.
  // The quietest runs measured 3.2-3.7 s; 4 s keeps a margin over them and fails a new round trip or a big chunk.
  'first-load': { lcp: 4000, fcp: 3000, cls: 0.1 },
  // Through the service worker nothing waits on the network before the catalog API: 1.0 s was measured.
  'repeat-load': { lcp: 2000, fcp: 1500, cls: 0.1 },
  // INP's "good" is 200 ms. Long tasks: the virtualizer's scroll handler reached 40-170 ms per frame under 4x CPU;
  // a task over 300 ms or 800 ms of blocking over ten wheel notches is jank a person sees.
  'catalog-scroll': { inp: 200, cls: 0.1, blockingTime: 800, longestTask: 300 },
  // The product image is the LCP element: document, entry JS, route chunk, item API, then the image itself.
  'item-page': { lcp: 4500, cls: 0.1 },
};

/**
 * How far each kind of figure may get worse than baseline.json before the audit fails. Timing margins come from
 * the spread of repeated runs on a 2-core machine shared with other builds (figures in audits/README.md).
 */
export const tolerances: Readonly<Record<'bytes' | 'score' | 'labTime' | 'fieldTime' | 'cls', Tolerance>> = {
  // Brotli bytes per chunk and per budget. Builds are deterministic (0 B between builds of the same code), so a
  // few hundred bytes passes a one-line fix and fails a new dependency.
  bytes: { absolute: 300 },
  // Lighthouse scores: single mobile runs ranged 0.96-0.99 (one outlier at 0.91 with a 239 ms TBT spike); gates
  // judge the median of 3 whenever a run misses, and medians stayed within 0.01.
  score: { absolute: 0.03 },
  // Lighthouse's simulated timings (FCP/LCP/SI/TBT): most single runs were within +-60 ms of the median, but about
  // one run in five was an outlier of up to +31 % (LCP 2562 ms against a 1949 ms median; warm-visit LCP 147-787 ms),
  // hence 400 ms or 20 %, whichever is larger, judged on the median of 3 when a run misses.
  labTime: { absolute: 400, relative: 0.2 },
  // Playwright timings are real time under CDP throttling: single runs of the first load's LCP reached +16 % over
  // their median (2588-3020 ms) and INP 24-112 ms, hence 300 ms or 35 %.
  fieldTime: { absolute: 300, relative: 0.35 },
  // CLS moved between runs: catalog 0-0.022, item page 0-0.043
  // (what loads first decides whether the footer shifts), hence 0.05; the 0.1 limit still bounds it.
  cls: { absolute: 0.05 },
};
