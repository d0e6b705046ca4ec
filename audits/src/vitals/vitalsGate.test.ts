import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../e2e/support/browser.js';
import type { RunningSite } from '../server/startDemoServer.js';
import { startFixtureSite } from '../testing/startFixtureSite.js';
import { checkVitals } from './checkVitals.js';
import { emulateSlowMobile } from './emulateSlowMobile.js';
import { vitalsInitScript } from './installCollector.js';
import { readVitals } from './readVitals.js';

// The Playwright vitals gate (same collector, throttling and checks as src/vitals/runScenario.ts) on fixture
// pages that block the main thread or shift their layout, and on a clean page as the control.

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  site = await startFixtureSite();
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript({ content: vitalsInitScript() });
  await emulateSlowMobile(page, { slow4g: false });
  await page.goto(new URL(path, site.url).href);
  return page;
}

describe('vitals gate', () => {
  it('passes a clean page (the control)', async () => {
    const page = await open('/good.html');
    const since = await page.evaluate(() => performance.now());
    await page.getByRole('heading').click();
    const result = await readVitals(page, { expect: ['LCP', 'CLS', 'INP'], since });
    expect(checkVitals('good', result, { inp: 200, cls: 0.1, longestTask: 300 })).toEqual([]);
    await page.close();
  });

  it('fails a slow click handler and names the interaction and its script', async () => {
    const page = await open('/long-task.html');
    const since = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Do something slow' }).click();
    await expect.poll(() => page.locator('#out').textContent()).toBe('Done');
    const failures = checkVitals('long-task', await readVitals(page, { expect: ['INP'], since }), {
      inp: 200,
      longestTask: 300,
    });
    expect(failures.join('\n')).toMatch(/long-task: INP \d+ ms > 200 ms \(slowest: pointer on #slow-button[,)]/);
    expect(failures.join('\n')).toMatch(/long-task: longest task \d+ ms > 300 ms \(scripts: .*long-task\.js/);
    await page.close();
  });

  it('fails a layout shift and names the shifted element', async () => {
    const page = await open('/cls.html');
    await page.locator('#late-banner').waitFor();
    const failures = checkVitals('cls', await readVitals(page, { expect: ['CLS'] }), { cls: 0.1 });
    expect(failures.join('\n')).toMatch(/cls: CLS 0\.\d+ > 0\.1 \(largest shift: html>body>main\)/);
    await page.close();
  });
});
