import type { Page } from '@playwright/test';

/** Resolves after the browser has rendered `count` more frames (IntersectionObserver runs once per frame). */
export function frames(page: Page, count = 2): Promise<void> {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/** Scrolls to the bottom in viewport-sized steps, one frame each, so every lazy image gets its turn. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
      scrollBy(0, innerHeight / 2);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
}

/** Counts every layout shift not caused by input, from page start (install before navigation). */
export async function trackLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

/** Replaces `navigator.connection` before the page runs, as Chromium reports it under Save-Data or a slow link. */
export async function fakeConnection(
  page: Page,
  connection: { saveData: boolean; effectiveType: string },
): Promise<void> {
  await page.addInitScript((values) => {
    const fake = Object.assign(new EventTarget(), values);
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => fake });
  }, connection);
}
