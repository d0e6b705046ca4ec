import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { buildSite } from '../e2e/support/buildSite.js';
import { emulateNetwork, SLOW_4G, test } from '../e2e/support/fixtures.js';
import type { TestServer } from '../e2e/support/startServer.js';
import { summarize } from './summarize.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The fixed scroll speed, in CSS px per second. */
const SPEED = Number(process.env.BENCH_SCROLL_SPEED ?? 1800);
const CONTENDERS = [
  { name: 'native `loading=lazy`', page: '/?s=scroll-native' },
  { name: '`<LazyImage>`', page: '/?s=scroll-ours' },
  { name: 'react-lazy-load-image-component', page: '/?s=scroll-other' },
];

interface Run {
  /** Bytes of the image files requested by load + 2 s, without scrolling. */
  imageBytes: number;
  lcp: number;
  clsAtLoad: number;
  clsScrolling: number;
  /** Cells that came into the viewport during the scroll, and how many of them were ever seen blank. */
  entered: number;
  everBlank: number;
  /** Sum over frames of (blank cells in the viewport x frame time), in seconds. */
  blankSeconds: number;
}

interface ScrollResult {
  entered: number;
  everBlank: number;
  blankSeconds: number;
}

/**
 * Scrolls the page top to bottom at `speed` px/s (position set from elapsed time each frame, so a slow frame
 * jumps rather than slows the scroll) and samples every `[data-cell]` in the viewport each frame. A cell counts
 * as shown only when a non-placeholder `<img>` in it has decoded pixels and is at least half opaque: a
 * ThumbHash, a color or a fading-in image is "not loaded yet" to the eye.
 */
function scrollAndSample(speed: number): Promise<ScrollResult> {
  const cells = [...document.querySelectorAll<HTMLElement>('[data-cell]')];
  const inView = (cell: HTMLElement): boolean => {
    const rect = cell.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < innerHeight;
  };
  const shown = (cell: HTMLElement): boolean =>
    [...cell.querySelectorAll('img')].some(
      (img) =>
        img.complete &&
        img.naturalWidth > 0 &&
        !img.currentSrc.startsWith('data:') &&
        Number(getComputedStyle(img).opacity) >= 0.5,
    );
  const visibleAtStart = new Set(cells.filter(inView));
  const entered = new Set<HTMLElement>();
  const blank = new Set<HTMLElement>();
  let blankSeconds = 0;
  // Read every frame: a library whose loaded image is shorter than its placeholder shrinks the page while it
  // scrolls, and a bottom fixed at the start would never be reached.
  const bottom = (): number => document.documentElement.scrollHeight - innerHeight;
  return new Promise((resolve) => {
    let start: number | undefined;
    let last = 0;
    const frame = (now: number): void => {
      start ??= now;
      const dt = last ? (now - last) / 1000 : 0;
      last = now;
      for (const cell of cells) {
        if (!inView(cell)) continue;
        if (!visibleAtStart.has(cell)) entered.add(cell);
        if (shown(cell)) continue;
        blankSeconds += dt;
        if (!visibleAtStart.has(cell)) blank.add(cell);
      }
      const end = bottom();
      if (scrollY >= end - 1) return resolve({ entered: entered.size, everBlank: blank.size, blankSeconds });
      scrollTo(0, Math.min(end, ((now - start) / 1000) * speed));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function measure(browser: Browser, site: TestServer, dist: string, url: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    baseURL: site.origin,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await emulateNetwork(page, SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  site.reset();
  await page.goto(url, { waitUntil: 'load' });
  // The measurement window itself: what the page asked for in the two seconds after load, untouched.
  await page.waitForTimeout(2000);
  const requested = site.requests
    .filter((r) => /\.(avif|webp|jpe?g|png)$/.test(r.path))
    .map((r) => decodeURIComponent(r.path));
  const sizes = await Promise.all(requested.map(async (p) => (await stat(path.join(dist, p))).size));
  const [lcp, clsAtLoad] = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    return [w.__lcp, w.__cls] as const;
  });
  const scroll = await page.evaluate(scrollAndSample, SPEED);
  const clsScrolling = (await page.evaluate(() => (window as unknown as { __cls: number }).__cls)) - clsAtLoad;
  await context.close();
  return { imageBytes: sizes.reduce((a, b) => a + b, 0), lcp, clsAtLoad, clsScrolling, ...scroll };
}

test('gallery on slow 4G + 4x CPU: bytes by load + 2 s, blanks while scrolling, LCP, CLS', async ({
  browser,
  site,
}) => {
  const dist = await buildSite();
  const results = new Map<string, Run[]>(CONTENDERS.map((c) => [c.name, []]));
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so a busy moment on the machine spreads over all contenders.
    for (const contender of CONTENDERS)
      results.get(contender.name)?.push(await measure(browser, site, dist, contender.page));
  }
  const median = (runs: Run[], pick: (r: Run) => number): number => summarize(runs.map(pick)).median;
  const native = results.get(CONTENDERS[0]?.name ?? '') ?? [];
  const ratio = (value: number, base: number): string => (base ? `${(value / base).toFixed(2)}x` : '-');
  const rows: Array<[string, (r: Run) => number, (v: number) => string]> = [
    ['image KiB requested by load + 2 s (no scrolling)', (r) => r.imageBytes, (v) => (v / 1024).toFixed(0)],
    [`images ever blank while scrolling at ${SPEED} px/s`, (r) => r.everBlank, (v) => v.toFixed(1)],
    ['blank image-seconds while scrolling', (r) => r.blankSeconds, (v) => v.toFixed(2)],
    ['LCP (ms)', (r) => r.lcp, (v) => v.toFixed(0)],
    ['CLS at load', (r) => r.clsAtLoad, (v) => v.toFixed(3)],
    ['CLS while scrolling', (r) => r.clsScrolling, (v) => v.toFixed(3)],
    ['images that entered the viewport during the scroll', (r) => r.entered, (v) => v.toFixed(0)],
  ];
  const lines = [
    `${RUNS} runs per contender (medians; ratio vs native), Chromium ${browser.version()}, 1280x900 @1x, ` +
      `CDP slow 4G (150 ms RTT, 1.6 Mbps) + 4x CPU, cold cache`,
    `| figure | ${CONTENDERS.map((c) => c.name).join(' | ')} |`,
    `|---|${CONTENDERS.map(() => '---|').join('')}`,
  ];
  for (const [label, pick, format] of rows) {
    const base = median(native, pick);
    const cells = CONTENDERS.map((c) => {
      const value = median(results.get(c.name) ?? [], pick);
      return c === CONTENDERS[0] ? format(value) : `${format(value)} (${ratio(value, base)})`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  console.log(`\n${lines.join('\n')}\n`);
});
