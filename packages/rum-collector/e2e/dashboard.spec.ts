import sharp from 'sharp';
import type { Beacon, BeaconEvent, ReceivedBeacon, VitalName } from '../src/index.js';
import { expect, test } from './support/fixtures.js';

const HOUR = 3_600_000;
const XSS_ROUTE = '/p/<img src=x onerror="window.__xss=1">';
const XSS_TARGET = '"><script>window.__xss=2</script><svg onload="window.__xss=3">';
let pv = 0;

function beacon(
  route: string,
  deviceClass: Beacon['context']['deviceClass'],
  vitals: [VitalName, number][],
  target?: string,
): Beacon {
  const events: BeaconEvent[] = vitals.map(([name, value]) => ({
    type: 'vital',
    name,
    id: `v5-${pv}-${name}`,
    value,
    delta: value,
    rating: 'good',
    navigationType: 'navigate',
    route,
    t: Date.now(),
    ...(target ? { attribution: { target } } : {}),
  }));
  return {
    v: 1,
    pageViewId: `pv_e2e_${String(pv++).padStart(6, '0')}`,
    seq: 0,
    sentAt: Date.now(),
    context: { route, deviceClass, effectiveType: '4g' },
    events,
  };
}

test.beforeAll(async ({ collector }) => {
  // History over the last 20 hours for the time series, written straight to the store...
  const now = Date.now();
  const history: ReceivedBeacon[] = [];
  for (let h = 20; h >= 1; h--) {
    for (let i = 0; i < 6; i++) {
      history.push({
        receivedAt: now - h * HOUR,
        beacon: beacon(
          '/items/:id',
          i % 2 ? 'desktop' : 'mobile',
          [
            ['LCP', 1800 + h * 60 + i * 40],
            ['INP', 120 + i * 30],
            ['CLS', 0.02 * i],
            ['FCP', 1200 + i * 50],
            ['TTFB', 400 + i * 30],
          ],
          'main > img.hero',
        ),
      });
      history.push({
        receivedAt: now - h * HOUR,
        beacon: beacon(
          '/cart',
          'mobile',
          [
            ['LCP', 4200 + i * 100],
            ['INP', 520 + i * 20],
          ],
          'button#checkout',
        ),
      });
    }
  }
  await collector.collector.storage.insertBatch(history);
  // ...and hostile beacons through the real ingest endpoint.
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${collector.url}/rum/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(
        beacon(
          XSS_ROUTE,
          'mobile',
          [
            ['LCP', 9000],
            ['INP', 900],
          ],
          XSS_TARGET,
        ),
      ),
    });
    expect(res.status).toBe(204);
  }
});

test('renders vitals, charts, and the worst route first, under a strict CSP', async ({ page, collector }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto(`${collector.url}/rum/?window=24h`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');

  await expect(page.locator('.card[data-metric="LCP"] .big')).toHaveText(/\d/);
  await expect(page.locator('.card[data-metric="LCP"]')).toHaveClass(/poor|ni|good/);
  // The hostile route has LCP 9 s: it must lead the table.
  await expect(page.locator('#routes tbody tr').first().locator('th')).toHaveText(XSS_ROUTE);
  await expect(page.locator('#routes tbody tr')).toHaveCount(3);
  expect(violations).toEqual([]);

  // Screenshot check: the LCP chart canvas shows the p75 line colour and the threshold bands.
  const canvas = page.locator('.trend[data-metric="LCP"] canvas');
  await expect(canvas).toBeVisible();
  const png = await canvas.screenshot();
  if (process.env['RUM_E2E_SHOTS']) await page.screenshot({ path: process.env['RUM_E2E_SHOTS'], fullPage: true });
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let line = 0;
  let band = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.abs(r - 0x2a) < 40 && Math.abs(g - 0x5b) < 40 && Math.abs(b - 0xd7) < 40) line++;
    if (g > r + 15 && g > b + 5 && r > 150) band++; // pale green "good" band
  }
  expect(line, 'pixels of the p75 line').toBeGreaterThan(150);
  expect(band, 'pixels of the good band').toBeGreaterThan(1000);
});

test('renders hostile routes and selectors as text, never as markup', async ({ page, collector }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${collector.url}/rum/`);
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#routes th.route', { hasText: XSS_ROUTE })).toHaveCount(1);
  await expect(page.locator('#targets code.target', { hasText: XSS_TARGET }).first()).toBeVisible();
  await expect(page.locator('select[name="route"] option', { hasText: XSS_ROUTE })).toHaveCount(1);
  // Nothing was parsed as HTML: no injected elements, no script ran.
  await expect(page.locator('main img, main script, main svg')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  // Selecting the hostile route goes through the URL and the API, still as text.
  await page.selectOption('select[name="route"]', XSS_ROUTE);
  await expect(page).toHaveURL(/route=/);
  await expect(page.locator('#routes tbody tr')).toHaveCount(1);
  await expect(page.locator('#routes tbody th')).toHaveText(XSS_ROUTE);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('filters by route, device and window', async ({ page, collector }) => {
  await page.goto(`${collector.url}/rum/?route=${encodeURIComponent('/items/:id')}&device=desktop&window=24h`);
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('select[name="device"]')).toHaveValue('desktop');
  await expect(page.locator('#routes tbody tr')).toHaveCount(1);
  await expect(page.locator('.card[data-metric="LCP"] .small').last()).toContainText('60 samples');
  await page.selectOption('select[name="window"]', '1h');
  await expect(page).toHaveURL(/window=1h/);
  await expect(page.locator('#routes tbody td.muted')).toHaveText('No data in this window');
});

test('shows a new beacon within seconds, without a reload', async ({ page, collector }) => {
  await page.goto(`${collector.url}/rum/?refresh=2`);
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#routes th.route', { hasText: '/just-arrived' })).toHaveCount(0);
  const res = await fetch(`${collector.url}/rum/collect`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(beacon('/just-arrived', 'tablet', [['LCP', 5000]])),
  });
  expect(res.status).toBe(204);
  await expect(page.locator('#routes th.route', { hasText: '/just-arrived' })).toHaveCount(1, { timeout: 8_000 });
});

test('the time axis spans the selected window: one sample in an hour, a day, 30 days', async ({
  browser,
  collector,
}) => {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
  const page = await context.newPage();
  const res = await fetch(`${collector.url}/rum/collect`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(beacon('/lone-sample', 'mobile', [['LCP', 1500]])),
  });
  expect(res.status).toBe(204);
  const xLabels = async (query: string) => {
    await page.goto(`${collector.url}/rum/?${query}`);
    await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
    const text = await page.locator('.trend[data-metric="LCP"] [data-axis="x"]').textContent();
    return (text ?? '')
      .replace(/^Time axis: /, '')
      .split(', ')
      .filter(Boolean);
  };
  const now = Date.now();
  const minutes = (from: number, to: number) => {
    const labels = new Set<string>();
    for (let t = from; t <= to; t += 60_000) labels.add(new Date(t).toISOString().slice(11, 16));
    return labels;
  };

  // One sample, last hour: times of day within that hour (not a range padded by years around the sample).
  const hour = await xLabels(`window=1h&route=${encodeURIComponent('/lone-sample')}`);
  expect(hour.length).toBeGreaterThanOrEqual(2);
  const inLastHour = minutes(now - 65 * 60_000, now + 5 * 60_000);
  for (const label of hour) expect(inLastHour.has(label), `${label} in the last hour`).toBe(true);

  // A day: hourly times of day, distinct.
  const day = await xLabels('window=24h');
  expect(day.length).toBeGreaterThanOrEqual(3);
  for (const label of day) expect(label).toMatch(/^\d{2}:\d{2}$/);
  expect(new Set(day).size).toBe(day.length);

  // 30 days (samples only in the last 20 hours): dates spread over the whole month, each within it.
  const month = await xLabels('window=30d');
  const lastMonth: string[] = [];
  for (let d = 31; d >= -1; d--)
    lastMonth.push(
      new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        now - d * 86_400_000,
      ),
    );
  expect(month.length).toBeGreaterThanOrEqual(3);
  for (const label of month) expect(lastMonth, `${label} within the last 30 days`).toContain(label);
  expect(new Set(month).size).toBe(month.length);
  // The first tick is near the window's start, not at the first sample 20 hours ago.
  expect(lastMonth.indexOf(month[0]!)).toBeLessThanOrEqual(12);
  await context.close();
});
