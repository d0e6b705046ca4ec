import { cpus, loadavg } from 'node:os';
import { afterReplay, expect, outboxKeys, pageViewIdOf, test, vitalNames } from '../e2e/support/site.js';

const RUNS = 21;

/** Median of a list of numbers. */
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** How often each value occurs, most frequent first: "2 (19 runs), 0 (2 runs)". */
const tally = (xs: number[]): string =>
  [...new Set(xs)]
    .map((x) => [x, xs.filter((y) => y == x).length] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([x, n]) => `${x} (${n} run${n == 1 ? '' : 's'})`)
    .join(', ');

/** What `instrument` leaves in localStorage (the unloading page writes it synchronously; the next one reads it). */
interface Figures {
  /** Main-thread time of the client's own listeners of the timed event. */
  ownMs: number;
  /** A `sendBeacon` of the web-vitals README recipe's body, right after them in the same task. */
  recipeMs: number;
  /** IndexedDB readwrite transactions when the timed event's listeners had run. */
  writesAtEvent: number;
  /** ... and in the page's whole life. */
  writes: number;
}

/**
 * Runs before the page's scripts (`page.addInitScript(instrument, type)`): counts IndexedDB readwrite
 * transactions, and times the client's own listeners of `type` (on window, bubble phase; web-vitals
 * listens in the capture phase), each followed by the recipe's `sendBeacon` when `type` is pagehide.
 */
function instrument(type: string): void {
  const figures: Figures = { ownMs: 0, recipeMs: 0, writesAtEvent: 0, writes: 0 };
  let timing = false;
  const save = () => localStorage.setItem('figures', JSON.stringify(figures));
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
    // Saved at once (a write after pagehide, the next copy or a confirmed copy removed while the
    // document is still alive, leaves no other trace), except inside a timed listener.
    if (args[1] == 'readwrite' && (figures.writes++, !timing)) save();
    return transaction.apply(this, args);
  } as typeof transaction;
  const body = JSON.stringify(['CLS', 'FCP', 'INP', 'LCP', 'TTFB'].map((name, i) => ({ name, value: i })));
  const add = window.addEventListener;
  window.addEventListener = function (
    this: Window,
    eventType: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ) {
    const capture = typeof options == 'boolean' ? options : !!options?.capture;
    if (eventType != type || capture || typeof listener != 'function' || !location.pathname.endsWith('index.html'))
      return add.call(this, eventType, listener, options);
    return add.call(
      this,
      eventType,
      function (this: Window, event: Event) {
        timing = true;
        const t0 = performance.now();
        listener.call(this, event);
        const t1 = performance.now();
        timing = false;
        if (type == 'pagehide') navigator.sendBeacon('/bench-sink', body);
        figures.ownMs += t1 - t0;
        figures.recipeMs += performance.now() - t1;
        figures.writesAtEvent = figures.writes;
        save();
      },
      options,
    );
  } as typeof window.addEventListener;
}

/** The figures `instrument` saved, read in a page of the same origin. */
const figuresOf = async (page: import('@playwright/test').Page): Promise<Figures> =>
  JSON.parse((await page.evaluate(() => localStorage.getItem('figures'))) ?? 'null') as Figures;

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
    await page.addInitScript(instrument, 'visibilitychange');
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
    own.push((await figuresOf(page)).ownMs);
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
    writes.push((await figuresOf(page)).writes);
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

/**
 * The same at unload (a navigation to a page of the site without the client; Playwright's Chromium
 * has no bfcache, so the document is discarded): the main-thread time of the client's own pagehide
 * listener, which now writes the copy and commits it in that task, beside a `sendBeacon` of the
 * recipe's body in the same task; the readwrite transactions of the closed page view; and what the
 * next visit pays for the copies a closed page cannot confirm: the replayed requests, each one a
 * duplicate the collector drops.
 */
test('main-thread time at unload, and the replay it costs the next visit', async ({ browser, site, duplicates }) => {
  // Counted below, run by run.
  duplicates.expected = undefined;
  const own: number[] = [];
  const recipe: number[] = [];
  const writes: number[] = [];
  const replays: number[] = [];
  const writesAfter: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(instrument, 'pagehide');
    await page.goto(`${site.origin}/index.html`);
    const pageViewId = await pageViewIdOf(page);
    await page.click('#work');
    await page.waitForFunction(() => window.interactions > 0);
    await page.goto(`${site.origin}/other.html`);
    const figures = await figuresOf(page);
    own.push(figures.ownMs);
    recipe.push(figures.recipeMs);
    writes.push(figures.writesAtEvent);
    writesAfter.push(figures.writes - figures.writesAtEvent);
    await expect.poll(() => vitalNames(site, pageViewId)).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    // The next visit replays the copies: each one is a duplicate at the collector.
    const before = await site.collector.storage.countDuplicates();
    await page.goto(`${site.origin}/index.html`);
    await expect.poll(() => outboxKeys(page), afterReplay).toEqual([]);
    replays.push((await site.collector.storage.countDuplicates()) - before);
    await context.close();
  }
  console.log(
    `Chromium, ${RUNS} page views closed by a navigation, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `client's own pagehide listener (copy + send):   median ${median(own).toFixed(2)} ms, max ${Math.max(...own).toFixed(2)} ms`,
  );
  console.log(`recipe in the same task (one sendBeacon):       median ${median(recipe).toFixed(2)} ms`);
  console.log(
    `client / recipe, per run:                       median ${median(own.map((o, i) => o / Math.max(recipe[i]!, 0.1))).toFixed(1)}x`,
  );
  console.log(`IndexedDB readwrite transactions at pagehide:   ${tally(writes)}`);
  console.log(`... and after it, in the discarded document:    ${tally(writesAfter)}`);
  console.log(`replayed duplicates at the next visit:          ${tally(replays)}`);
  console.log(`(run by run: after pagehide / replayed: ${writesAfter.map((w, i) => `${w}/${replays[i]}`).join(' ')})`);
});
