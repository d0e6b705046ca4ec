import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { connect } from 'puppeteer-core';
import { chromiumFlags, resolveChromePath } from '../lib/chromium.js';
import type { CategoryId, FormFactor } from '../types.js';
import { summarizeLhr, type LhrLike, type LighthouseSummary } from './summarizeLhr.js';

/** What {@link runLighthouse} audits. */
export interface RunLighthouseOptions {
  url: string;
  formFactor: FormFactor;
  /** Load the page once and wait for its service worker to control it, then audit without resetting storage. @default false */
  warm?: boolean;
  /** @default all four categories */
  categories?: readonly CategoryId[];
  /** Restrict to these audit ids (fast gate tests). @default all */
  onlyAudits?: readonly string[];
  /**
   * CPU slowdown of the simulated device, in place of the preset's (4 on mobile): see calibrateCpuSlowdown.ts.
   * @default the preset's
   */
  cpuSlowdownMultiplier?: number;
}

/** One finished Lighthouse run. */
export interface LighthouseRunResult {
  summary: LighthouseSummary;
  /** The full result as JSON text and the HTML report, for reports/lighthouse/. */
  json: string;
  html: string;
}

const allCategories: readonly CategoryId[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * Runs Lighthouse once in a fresh headless Chromium, so runs never share caches, and closes it. Mobile uses
 * Lighthouse's default (simulated) throttling, which is far steadier than devtools throttling on a busy machine.
 */
export async function runLighthouse({
  url,
  formFactor,
  warm = false,
  categories = allCategories,
  onlyAudits,
  cpuSlowdownMultiplier,
}: RunLighthouseOptions): Promise<LighthouseRunResult> {
  const chrome = await launch({ chromePath: resolveChromePath(), chromeFlags: chromiumFlags, logLevel: 'silent' });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: [...categories],
      disableStorageReset: warm,
      ...(onlyAudits ? { onlyAudits: [...onlyAudits], onlyCategories: null } : {}),
      // Settings merge deeply, so only the multiplier changes; the preset's network throttling stays.
      ...(cpuSlowdownMultiplier === undefined ? {} : { throttling: { cpuSlowdownMultiplier } }),
    };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const page = warm ? await primeServiceWorker(chrome.port, url) : undefined;
    const result = await lighthouse(url, flags, config, page?.page);
    await page?.disconnect();
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const [json, html] = result.report as string[];
    return { summary: summarizeLhr(result.lhr as unknown as LhrLike), json: json ?? '', html: html ?? '' };
  } finally {
    await chrome.kill();
  }
}

/**
 * The first visit of a repeat-visit audit: load the page, wait until the service worker is activated and
 * controls the page (a reload is needed for a first install), so the audited load is served through it.
 */
async function primeServiceWorker(port: number, url: string) {
  const browser = await connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const hasWorker = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    const registration = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<undefined>((resolve) => setTimeout(resolve, 15_000, undefined)),
    ]);
    return registration !== undefined;
  });
  if (!hasWorker) throw new Error(`${url} registered no service worker within 15 s: the warm audit needs one`);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 15_000 });
  return { page: page as never, disconnect: () => browser.disconnect() };
}
