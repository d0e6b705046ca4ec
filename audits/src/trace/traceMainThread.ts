import type { Page } from '@playwright/test';
import { mainThreadCpu, markTimestamp, type MainThreadCpu, type TraceEvent } from './mainThreadCpu.js';

/** The categories that carry top-level tasks with thread time, script events with URLs, frames and marks. */
const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  '__metadata',
];

/**
 * Runs `visit` with a Chrome trace recording and returns the page's main-thread CPU time. When `sinceMark` is
 * names a mark once the visit ran, only tasks after the page's `performance.mark(sinceMark)` count (e.g. the interactions of a scenario).
 */
export async function traceMainThread(
  page: Page,
  visit: () => Promise<void>,
  sinceMark: () => string | undefined = () => undefined,
): Promise<MainThreadCpu> {
  const browser = page.context().browser();
  if (!browser) throw new Error('traceMainThread() needs a page of a launched browser (not a persistent context)');
  await browser.startTracing(page, { categories });
  let events: TraceEvent[];
  try {
    await visit();
  } finally {
    events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const mark = sinceMark();
  const since = mark === undefined ? 0 : markTimestamp(events, mark);
  if (since === undefined) throw new Error(`The trace has no performance.mark("${mark}")`);
  return mainThreadCpu(events, page.url(), since);
}
