import type { Page } from '@playwright/test';
import type { VitalsResult } from './types.js';

/** What {@link readVitals} waits for and over which window it counts long tasks. */
export interface ReadVitalsOptions {
  /** Metrics that must have been reported, e.g. ['LCP', 'CLS']; waits for them up to `timeout`. @default ['CLS'] */
  expect?: readonly ('LCP' | 'FCP' | 'CLS' | 'INP' | 'TTFB')[];
  /** Count long tasks that start at or after this page time (ms, `performance.now()`). @default 0 */
  since?: number;
  /** @default 10000 */
  timeout?: number;
}

/** The page-side store written by the collector (see installCollector.ts). */
interface Stored {
  metrics: Record<string, { value: number; attribution: Record<string, unknown> } | undefined>;
  longTasks: { start: number; duration: number }[];
  frames: { start: number; duration: number; scripts: string[] }[];
}

/**
 * Ends the measurement the way a real visit ends (the page becomes hidden, so web-vitals reports final CLS
 * and INP at once instead of at its idle timeout), then reads the collector's results.
 */
export async function readVitals(
  page: Page,
  { expect = ['CLS'], since = 0, timeout = 10_000 }: ReadVitalsOptions = {},
): Promise<VitalsResult> {
  await page.evaluate(() => {
    // Playwright's focus emulation keeps pages "visible"; web-vitals reads document.visibilityState on the event.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  try {
    await page.waitForFunction(
      (names) => {
        const store = (window as unknown as { __prontoVitals?: Stored }).__prontoVitals;
        return store !== undefined && names.every((name) => store.metrics[name] !== undefined);
      },
      [...expect],
      { timeout },
    );
  } catch {
    const seen = await page.evaluate(() =>
      Object.keys((window as unknown as { __prontoVitals?: Stored }).__prontoVitals?.metrics ?? {}),
    );
    throw new Error(
      `web-vitals did not report ${expect.filter((name) => !seen.includes(name)).join(', ')} within ${timeout} ms (got: ${seen.join(', ') || 'nothing'}; is the init script installed?)`,
    );
  }
  const store = await page.evaluate(() => (window as unknown as { __prontoVitals: Stored }).__prontoVitals);
  return toResult(store, since);
}

/** @internal Pure reduction of the page's raw store; exported for unit tests. */
export function toResult(store: Stored, since: number): VitalsResult {
  const tasks = store.longTasks.filter((task) => task.start >= since);
  const frames = store.frames.filter((frame) => frame.start >= since).sort((a, b) => b.duration - a.duration);
  const metric = (name: string) => store.metrics[name];
  const lcp = metric('LCP');
  const inp = metric('INP');
  const cls = metric('CLS');
  const result: VitalsResult = {
    blockingTime: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    longestTask: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
    longTaskCount: tasks.length,
    attribution: { longFrameScripts: [...new Set(frames.slice(0, 3).flatMap((frame) => frame.scripts))].slice(0, 5) },
  };
  for (const name of ['LCP', 'FCP', 'CLS', 'INP', 'TTFB'] as const) {
    const value = metric(name)?.value;
    if (value !== undefined) result[name.toLowerCase() as 'lcp' | 'fcp' | 'cls' | 'inp' | 'ttfb'] = value;
  }
  if (lcp) {
    const a = lcp.attribution as Record<string, number | string | undefined>;
    if (typeof a.target === 'string') result.attribution.lcpElement = a.target;
    if (typeof a.url === 'string') result.attribution.lcpUrl = a.url;
    result.attribution.lcpParts = {
      timeToFirstByte: Number(a.timeToFirstByte ?? 0),
      resourceLoadDelay: Number(a.resourceLoadDelay ?? 0),
      resourceLoadDuration: Number(a.resourceLoadDuration ?? 0),
      elementRenderDelay: Number(a.elementRenderDelay ?? 0),
    };
  }
  if (inp) {
    const a = inp.attribution as Record<string, number | string | undefined>;
    result.attribution.slowestInteraction = {
      target: String(a.target ?? '(unknown)'),
      type: String(a.type ?? '(unknown)'),
      duration: inp.value,
      inputDelay: Number(a.inputDelay ?? 0),
      processingDuration: Number(a.processingDuration ?? 0),
      presentationDelay: Number(a.presentationDelay ?? 0),
      ...(typeof a.longestScript === 'string' ? { longestScript: a.longestScript } : {}),
    };
  }
  if (cls && typeof cls.attribution.target === 'string') {
    result.attribution.largestShift = { target: cls.attribution.target, value: Number(cls.attribution.value ?? 0) };
  }
  return result;
}
