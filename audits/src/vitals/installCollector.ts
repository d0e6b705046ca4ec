import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The page-side half: web-vitals (attribution build) plus Long Task / Long Animation Frame observers, all
 * results kept on `window.__prontoVitals` as plain JSON (attribution holds DOM nodes, which cannot cross to
 * Node, so it is reduced to selectors here). Serialized with Function#toString: it must use nothing from outside.
 */
type Reported = { name: string; value: number; attribution: Record<string, unknown> };
type WebVitalsGlobal = Partial<Record<string, (callback: (metric: Reported) => void, options?: object) => void>>;

function collectInPage(vitals: WebVitalsGlobal): void {
  const store = {
    metrics: {} as Record<string, { value: number; attribution: Record<string, unknown> }>,
    longTasks: [] as { start: number; duration: number }[],
    frames: [] as { start: number; duration: number; scripts: string[] }[],
  };
  (window as unknown as { __prontoVitals: typeof store }).__prontoVitals = store;
  // Helpers stay inside: this function is serialized into the page and cannot see module scope.
  const plain = (metric: Reported): Record<string, unknown> => {
    const a = metric.attribution;
    if (metric.name === 'LCP') {
      return {
        target: a.target,
        url: a.url,
        timeToFirstByte: a.timeToFirstByte,
        resourceLoadDelay: a.resourceLoadDelay,
        resourceLoadDuration: a.resourceLoadDuration,
        elementRenderDelay: a.elementRenderDelay,
      };
    }
    if (metric.name === 'INP') {
      const script = a.longestScript as
        { entry?: { sourceURL?: string; invoker?: string }; intersectingDuration?: number } | undefined;
      return {
        target: a.interactionTarget,
        type: a.interactionType,
        inputDelay: a.inputDelay,
        processingDuration: a.processingDuration,
        presentationDelay: a.presentationDelay,
        longestScript: script?.entry
          ? `${script.entry.invoker ?? ''} ${script.entry.sourceURL ?? ''} (${Math.round(script.intersectingDuration ?? 0)} ms)`.trim()
          : undefined,
      };
    }
    if (metric.name === 'CLS') return { target: a.largestShiftTarget, value: a.largestShiftValue };
    return {};
  };
  const keep = (metric: Reported) => {
    store.metrics[metric.name] = { value: metric.value, attribution: plain(metric) };
  };
  vitals.onLCP?.(keep, { reportAllChanges: true });
  vitals.onFCP?.(keep);
  vitals.onTTFB?.(keep);
  vitals.onCLS?.(keep, { reportAllChanges: true });
  // Every interaction counts (the default ignores those under 40 ms), so INP exists whenever the user acted.
  vitals.onINP?.(keep, { reportAllChanges: true, durationThreshold: 0 });
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not know: the figure stays empty rather than breaking the page.
    }
  };
  observe('longtask', (entry) => store.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe('long-animation-frame', (entry) => {
    const scripts = (
      (entry as unknown as { scripts?: { sourceURL?: string; invoker?: string; duration: number }[] }).scripts ?? []
    )
      .filter((script) => script.duration >= 20)
      .map((script) => `${script.invoker ?? ''} ${script.sourceURL ?? ''} (${Math.round(script.duration)} ms)`.trim());
    store.frames.push({ start: entry.startTime, duration: entry.duration, scripts });
  });
}

let cached: string | undefined;

/** The init script for `page.addInitScript({ content })`: web-vitals' IIFE build, then the collector. */
export function vitalsInitScript(): string {
  if (!cached) {
    const require = createRequire(import.meta.url);
    // The IIFE build is not in the package's exports map; it sits next to the UMD build that is.
    const iife = readFileSync(
      join(dirname(require.resolve('web-vitals/attribution')), 'web-vitals.attribution.iife.js'),
      'utf8',
    );
    // The IIFE declares `var webVitals`; Playwright may wrap init scripts in a function, so pass it explicitly.
    cached = `${iife}\n;(${collectInPage.toString()})(webVitals);`;
  }
  return cached;
}
