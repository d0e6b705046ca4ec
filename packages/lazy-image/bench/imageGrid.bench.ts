import type { Page } from '@playwright/test';
import { emulateNetwork, SLOW_4G, test } from '../e2e/support/fixtures.js';
import { fakeConnection } from '../e2e/support/pageHelpers.js';
import { summarize } from './summarize.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VARIANTS = [
  { name: 'eager <img>', page: '/?s=bench-eager' },
  { name: 'native lazy <img loading=lazy>', page: '/?s=bench-native' },
  { name: 'native lazy + same AVIF/srcset files', page: '/?s=bench-native-responsive' },
  { name: '<LazyImage> (priority hero, lazy grid)', page: '/?s=bench-ours' },
  { name: '<LazyImage>, browser sends Save-Data', page: '/?s=bench-ours', saveData: true },
];

interface Run {
  bytes: number;
  imageBytes: number;
  images: number;
  lcp: number;
  /** What the last LCP entry pointed at (alt text, or the tag name). */
  lcpElement: string;
  /** When the hero image's response had fully arrived (resource timing responseEnd). */
  heroLoaded: number;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(0);

// Lighthouse's mobile device: 412x823 CSS px at DPR 1.75.
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

async function measure(page: Page, url: string, saveData: boolean): Promise<Run> {
  if (saveData) {
    await fakeConnection(page, { saveData: true, effectiveType: '4g' });
    await page.setExtraHTTPHeaders({ 'Save-Data': 'on' });
  }
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: [number, string] };
    w.__lcp = [0, ''];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { element: Element | null }>) {
        w.__lcp = [entry.startTime, entry.element?.getAttribute('alt') ?? entry.element?.tagName ?? '?'];
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await emulateNetwork(page, SLOW_4G);
  const types = new Map<string, string>();
  let bytes = 0;
  let imageBytes = 0;
  let images = 0;
  // data: URLs (decoded placeholders) cost no transfer; only network requests are counted.
  cdp.on('Network.responseReceived', (event) => {
    if (!event.response.url.startsWith('data:')) types.set(event.requestId, event.type);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (!types.has(event.requestId)) return;
    bytes += event.encodedDataLength;
    if (types.get(event.requestId) === 'Image') {
      imageBytes += event.encodedDataLength;
      images += 1;
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const [lcp, lcpElement, heroLoaded] = await page.evaluate(() => {
    const [time, element] = (window as unknown as { __lcp: [number, string] }).__lcp;
    const hero = performance.getEntriesByType('resource').find((r) => r.name.includes('/assets/hero-')) as
      PerformanceResourceTiming | undefined;
    return [time, element, hero?.responseEnd ?? Number.NaN] as const;
  });
  return { bytes, imageBytes, images, lcp, lcpElement, heroLoaded };
}

test('image grid on slow 4G: bytes and LCP of eager, native lazy and LazyImage', async ({ browser, site }) => {
  const results = new Map<string, Run[]>(VARIANTS.map((v) => [v.name, []]));
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so a busy moment on the machine spreads over all variants.
    for (const variant of VARIANTS) {
      const context = await browser.newContext({ ...MOBILE, baseURL: site.origin });
      const page = await context.newPage();
      results.get(variant.name)?.push(await measure(page, variant.page, variant.saveData ?? false));
      await context.close();
    }
  }
  const eager = results.get(VARIANTS[0]?.name ?? '') ?? [];
  const eagerBytes = summarize(eager.map((r) => r.bytes)).median;
  const eagerLcp = summarize(eager.map((r) => r.lcp)).median;
  const lines = [
    `${RUNS} runs per variant, Chromium ${browser.version()}, slow 4G (150 ms RTT, 1.6 Mbps), 412x823 @1.75x, cold cache, no scrolling`,
    '| variant | transferred, median (min-max) | image requests | LCP, median (min-max) | LCP element (runs) | hero image arrived, median (min-max) | bytes vs eager | LCP vs eager |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, runs] of results) {
    const b = summarize(runs.map((r) => r.bytes));
    const l = summarize(runs.map((r) => r.lcp));
    const n = summarize(runs.map((r) => r.images));
    const h = summarize(runs.map((r) => r.heroLoaded));
    const elements = new Map<string, number>();
    for (const r of runs) elements.set(r.lcpElement, (elements.get(r.lcpElement) ?? 0) + 1);
    const lcpElements = [...elements].map(([el, count]) => `${el} (${count})`).join(', ');
    lines.push(
      `| ${name} | ${kb(b.median)} kB (${kb(b.min)}-${kb(b.max)}) | ${n.median} | ${l.median.toFixed(0)} ms (${l.min.toFixed(0)}-${l.max.toFixed(0)}) | ` +
        `${lcpElements} | ${h.median.toFixed(0)} ms (${h.min.toFixed(0)}-${h.max.toFixed(0)}) | ` +
        `${(b.median / eagerBytes).toFixed(2)}x | ${(l.median / eagerLcp).toFixed(2)}x |`,
    );
  }
  console.log(`\n${lines.join('\n')}\n`);
});
