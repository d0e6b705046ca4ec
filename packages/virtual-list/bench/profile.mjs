// Profile of @pronto/virtual-list: a Chrome trace of the throttled moderate fling (120 px/frame, CPU 4x) and of the
// mount, summarised as where main-thread time goes. React's profiling build is aliased in so commits can be counted.
// Usage: node bench/profile.mjs [--frames 60] [--trace out.json]   (from packages/virtual-list; about 1 minute)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../../test-utils/chromium.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const frames = Number(arg('--frames', 60));
const traceOut = arg('--trace', '');
const root = fileURLToPath(new URL('./pages', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'virtual-list-profile-'));
await build({
  root,
  logLevel: 'error',
  plugins: [react()],
  resolve: { alias: { 'react-dom/client': 'react-dom/profiling' } },
  // Unminified, so the CPU profile names functions; React's profiling build, so commits can be counted.
  build: { outDir, emptyOutDir: true, minify: false, rolldownOptions: { input: { ours: join(root, 'ours.html') } } },
});
const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const baseUrl = server.resolvedUrls?.local[0];
const browser = await chromium.launch(chromiumLaunchOptions());
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];

/** Main-thread summary of a trace: self-time-free totals of the top-level task kinds, forced layouts. */
function summarise(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const totals = {};
  const add = (name, dur) => (totals[name] = (totals[name] ?? 0) + dur / 1000);
  for (const e of onMain) {
    if (
      [
        'Layout',
        'UpdateLayoutTree',
        'Paint',
        'PrePaint',
        'Layerize',
        'FireAnimationFrame',
        'EventDispatch',
        'FunctionCall',
        'RunTask',
        'HitTest',
        'ParseHTML',
        'EvaluateScript',
        'v8.callFunction',
      ].includes(e.name)
    )
      add(e.name, e.dur ?? 0);
    if (e.name === 'ScheduleStyleRecalculation' || e.name === 'InvalidateLayout') add(`${e.name} (count)`, 1000);
  }
  // A layout or style recalculation that runs inside script is forced (a read after a write).
  const scripts = onMain.filter((e) =>
    ['FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'v8.callFunction', 'EvaluateScript'].includes(e.name),
  );
  let forcedLayout = 0;
  let forcedCount = 0;
  for (const e of onMain) {
    if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') continue;
    if (scripts.some((s) => s.ts <= e.ts && s.ts + s.dur >= e.ts + e.dur)) {
      forcedLayout += (e.dur ?? 0) / 1000;
      forcedCount++;
    }
  }
  totals['forced layout+style (ms)'] = forcedLayout;
  totals['forced layout+style (count)'] = forcedCount;
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

async function traced(query, action) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${baseUrl}ours.html?profile&${query}`);
  await page.waitForFunction(() => window.bench?.mountMs !== undefined);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories });
  const result = await action(page);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  return { result, trace };
}

const scroll = await traced('count=100000&mode=measured', async (page) => {
  await page.evaluate(() => window.profileCounters.reset());
  const run = await page.evaluate((n) => window.bench.scroll(120, n), frames);
  return {
    ...run,
    counters: await page.evaluate(() => window.profileCounters.read()),
    log: await page.evaluate(() => window.profileCounters.log()),
  };
});
// Self time by function over the same fling, from V8's sampling profiler (CPU 4x).
if (process.argv.includes('--cpu')) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${baseUrl}ours.html?profile&count=100000&mode=measured`);
  await page.waitForFunction(() => window.bench?.mountMs !== undefined);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate((n) => window.bench.scroll(120, n), frames);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, n] of counts) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + n);
  }
  const total = profile.samples.length;
  console.log('  self time, top 25 (% of samples):');
  for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`    ${((n / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  await page.close();
}
if (traceOut) writeFileSync(traceOut, JSON.stringify(scroll.trace));
const { frameTimes, blank, counters } = scroll.result;
console.log(`moderate fling, 120 px/frame x ${frames}, CPU 4x, 100k measured rows`);
console.log(
  '  per scroll frame:',
  Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, Math.round((v / frames) * 100) / 100])),
);
if (process.argv.includes('--log')) console.log(scroll.result.log.slice(0, 30).join('\n'));
console.log('  frames >16.7 ms:', frameTimes.filter((t) => t > 17).length, 'blank:', blank);
console.log('  main thread (ms over the whole run):', summarise(scroll.trace.traceEvents));

for (const query of ['count=100000&mode=measured', 'count=1000000&mode=fixed']) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories });
  await page.goto(`${baseUrl}ours.html?profile&${query}`);
  await page.waitForFunction(() => window.bench?.mountMs !== undefined);
  const mountCounters = await page.evaluate(() => window.profileCounters.read());
  const trace = JSON.parse((await browser.stopTracing()).toString());
  console.log(
    `mount ${query}, CPU 4x: ${(await page.evaluate(() => window.bench.mountMs)).toFixed(1)} ms`,
    mountCounters,
  );
  console.log('  main thread (ms):', summarise(trace.traceEvents));
  await page.close();
}

await browser.close();
await server.close();
rmSync(outDir, { recursive: true, force: true });
