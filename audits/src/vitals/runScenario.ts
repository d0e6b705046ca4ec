import type { Browser } from '@playwright/test';
import { traceMainThread } from '../trace/traceMainThread.js';
import type { MainThreadCpu } from '../trace/mainThreadCpu.js';
import { emulateSlowMobile } from './emulateSlowMobile.js';
import { vitalsInitScript } from './installCollector.js';
import { readPageFacts, type PageFacts } from './readPageFacts.js';
import { readVitals } from './readVitals.js';
import type { Scenario } from './scenario.js';
import type { VitalsResult } from './types.js';

/** Lighthouse's mobile screen (Moto G Power); device scale 1 so wheel and keyboard input behave as on desktop. */
export const scenarioViewport = { width: 412, height: 823 };

const interactionsMark = 'pronto-audit:interactions';

/** One throttled run: web-vitals with attribution, plus what the page downloaded. */
export type VitalsRun = VitalsResult & { facts: PageFacts };

/**
 * Runs a scenario once in a fresh context under 4x CPU + slow 4G, waits until the page settles (network idle,
 * then two frames: late layout shifts count), and reads web-vitals and the page's downloads.
 */
export async function runVitals(browser: Browser, scenario: Scenario, origin: string): Promise<VitalsRun> {
  return inContext(browser, scenario, origin, async (page) => {
    await page.addInitScript({ content: vitalsInitScript() });
    await emulateSlowMobile(page);
    let since = 0;
    await scenario.visit(page, origin, async () => {
      since = await page.evaluate(() => performance.now());
    });
    await settle(page);
    const facts = await readPageFacts(page);
    return { ...(await readVitals(page, { expect: scenario.expect, since })), facts };
  });
}

/**
 * Runs a scenario once unthrottled under a Chrome trace and returns its main-thread CPU time (from the
 * interactions mark when the scenario sets one). Unthrottled because CDP throttling spins on the thread.
 */
export async function runCpu(
  browser: Browser,
  scenario: Scenario,
  origin: string,
): Promise<MainThreadCpu & { interactions: boolean }> {
  return inContext(browser, scenario, origin, async (page) => {
    let marked = false;
    const measured = await traceMainThread(
      page,
      async () => {
        await scenario.visit(page, origin, async () => {
          marked = true;
          await page.evaluate((name) => performance.mark(name), interactionsMark);
        });
        await settle(page);
      },
      () => (marked ? interactionsMark : undefined),
    );
    return { ...measured, interactions: marked };
  });
}

async function inContext<T>(
  browser: Browser,
  scenario: Scenario,
  origin: string,
  run: (page: import('@playwright/test').Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ viewport: scenarioViewport, serviceWorkers: 'allow' });
  try {
    await scenario.prepare?.(context, origin);
    const page = await context.newPage();
    try {
      return await run(page);
    } catch (error) {
      throw new Error(
        `${scenario.id} (${scenario.title}) on ${origin}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  } finally {
    await context.close();
  }
}

/** Network idle (no request for 500 ms), then two animation frames so the last layout is painted. */
async function settle(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
