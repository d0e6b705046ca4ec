import { cpus, loadavg } from 'node:os';
import { expect, outboxKeys, pageViewIdOf, test, vitalNames } from '../e2e/support/site.js';

const RUNS = 21;

/** Median of a list of numbers. */
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * What the client costs at hide, in real Chromium against the real collector: the main-thread time of
 * the whole `visibilitychange` dispatch (web-vitals' capture listeners, then the client's own), the
 * client's own listener alone, and the IndexedDB readwrite transactions of a page view from load to
 * the confirmed beacon. Each run: load, click (INP), hide in place, wait for the beacon to be confirmed.
 */
test('main-thread time and IndexedDB writes at hide', async ({ browser, site }) => {
  const dispatch: number[] = [];
  const own: number[] = [];
  const writes: number[] = [];
  const recipe: number[] = [];
  const keepaliveFetch: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { idbWrites: number; ownHideMs: number };
      w.idbWrites = 0;
      w.ownHideMs = 0;
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
        if (args[1] == 'readwrite') w.idbWrites++;
        return transaction.apply(this, args);
      } as typeof transaction;
      // The client listens on window in the bubble phase; web-vitals listens in the capture phase.
      const add = window.addEventListener;
      window.addEventListener = function (
        this: Window,
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ) {
        const capture = typeof options == 'boolean' ? options : !!options?.capture;
        if (type != 'visibilitychange' || capture || typeof listener != 'function')
          return add.call(this, type, listener, options);
        return add.call(
          this,
          type,
          function (this: Window, event: Event) {
            const t0 = performance.now();
            listener.call(this, event);
            w.ownHideMs += performance.now() - t0;
          },
          options,
        );
      } as typeof window.addEventListener;
    });
    await page.goto(`${site.origin}/index.html`);
    const pageViewId = await pageViewIdOf(page);
    await page.click('#work');
    await page.waitForFunction(() => window.interactions > 0);
    dispatch.push(
      await page.evaluate(() => {
        Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' });
        const t0 = performance.now();
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
        return performance.now() - t0;
      }),
    );
    own.push(await page.evaluate(() => (window as unknown as { ownHideMs: number }).ownHideMs));
    // The same page, the same moment: what the web-vitals README recipe does at hide (one sendBeacon
    // of the queued metrics), and a bare keepalive fetch of that body, to a URL that answers 404.
    const [r, f] = await page.evaluate(() => {
      const body = JSON.stringify(
        ['CLS', 'FCP', 'INP', 'LCP', 'TTFB'].map((name, i) => ({
          name,
          value: i * 100.5,
          delta: i,
          id: `v6-${i}-${Date.now()}`,
          rating: 'good',
          navigationType: 'navigate',
          entries: [],
        })),
      );
      const t0 = performance.now();
      navigator.sendBeacon('/bench-sink', body);
      const t1 = performance.now();
      void fetch('/bench-sink', { method: 'POST', body, keepalive: true }).catch(() => {});
      return [t1 - t0, performance.now() - t1];
    });
    recipe.push(r);
    keepaliveFetch.push(f);
    // At least the four that need no interaction (so the bench also runs against older builds).
    await expect.poll(async () => (await vitalNames(site, pageViewId)).length).toBeGreaterThanOrEqual(4);
    await expect.poll(() => outboxKeys(page)).toEqual([]);
    writes.push(await page.evaluate(() => (window as unknown as { idbWrites: number }).idbWrites));
    await context.close();
  }
  console.log(
    `Chromium, ${RUNS} page views, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `visibilitychange dispatch (web-vitals + client): median ${median(dispatch).toFixed(2)} ms, max ${Math.max(...dispatch).toFixed(2)} ms`,
  );
  console.log(
    `client's own hide listener:                     median ${median(own).toFixed(2)} ms, max ${Math.max(...own).toFixed(2)} ms`,
  );
  console.log(
    `share of the dispatch spent in the client:      median ${median(own.map((o, i) => o / dispatch[i]!)).toFixed(2)}`,
  );
  console.log(`recipe at hide (one sendBeacon of 5 metrics):   median ${median(recipe).toFixed(2)} ms`);
  console.log(`a bare fetch keepalive of the same body:        median ${median(keepaliveFetch).toFixed(2)} ms`);
  console.log(
    `client / recipe, per run:                       median ${median(own.map((o, i) => o / Math.max(recipe[i]!, 0.1))).toFixed(1)}x`,
  );
  console.log(
    `IndexedDB readwrite transactions per page view: ${[...new Set(writes)].join(', ')} (median ${median(writes)})`,
  );
});
