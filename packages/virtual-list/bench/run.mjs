// Benchmark: @pronto/virtual-list against @tanstack/react-virtual, react-window 2, react-virtuoso 4
// and virtua, one production-built page per contender, driven in headless Chromium, interleaved.
// Usage: node bench/run.mjs [--rounds 5] [--quick]   (from packages/virtual-list; about 5-8 minutes)
// --quick runs only the figures of issue 14: mount at 100k measured and 1M fixed, and the throttled moderate fling
// (120 px/frame for 240 frames, then 2,000 px/frame for 60, CPU 4x) with its wall time; about 2 minutes at 3 rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../../test-utils/chromium.js';

const contenders = ['ours', 'tanstack', 'react-window', 'virtuoso', 'virtua'];
const roundsArg = process.argv.indexOf('--rounds');
const quick = process.argv.includes('--quick');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : quick ? 3 : 5;
const scrollRounds = Math.max(1, Math.ceil(rounds / 2));
const root = fileURLToPath(new URL('./pages', import.meta.url));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
// Frames are 16.7 ms at 60 Hz; a 50 ms frame stands for two missed ones.
const dropped = (frameTimes) => frameTimes.reduce((sum, t) => sum + Math.max(0, Math.round(t / 16.67) - 1), 0);

const outDir = mkdtempSync(join(tmpdir(), 'virtual-list-bench-'));
console.error('building pages...');
await build({
  root,
  logLevel: 'error',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: { input: Object.fromEntries(contenders.map((name) => [name, join(root, `${name}.html`)])) },
  },
});
const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const baseUrl = server.resolvedUrls?.local[0];
const launchOptions = chromiumLaunchOptions();
const browser = await chromium.launch({
  ...launchOptions,
  args: [...(launchOptions.args ?? []), '--js-flags=--expose-gc'],
});

/** Opens a contender's page and waits until row 0 is on screen; returns null when it fails. */
async function open(name, query, timeout = 30_000) {
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}${name}.html?${query}`);
    await page.waitForFunction(() => window.bench?.mountMs !== undefined, null, { timeout });
    return page;
  } catch (error) {
    console.error(`  ${name} ${query}: ${String(error).split('\n')[0]}`);
    await page.close().catch(() => {});
    return null;
  }
}

const results = {}; // metric -> contender -> values[]
const record = (metric, name, value) => {
  results[metric] ??= {};
  (results[metric][name] ??= []).push(value);
};
// Rotating start per round, so no contender always runs first (warm caches, thermal state).
const order = (round) => contenders.map((_, i) => contenders[(i + round) % contenders.length]);

const allMountCases = [
  ['mount 10k fixed (ms)', 'count=10000&mode=fixed'],
  ['mount 100k fixed (ms)', 'count=100000&mode=fixed'],
  ['mount 1M fixed (ms)', 'count=1000000&mode=fixed'],
  ['mount 10M fixed (ms)', 'count=10000000&mode=fixed'],
  ['mount 100k measured (ms)', 'count=100000&mode=measured'],
];
const mountCases = quick ? allMountCases.filter(([metric]) => /1M fixed|100k measured/.test(metric)) : allMountCases;

for (let round = 0; round < rounds; round++) {
  console.error(`mount round ${round + 1}/${rounds}`);
  for (const [metric, query] of mountCases) {
    for (const name of order(round)) {
      const page = await open(name, query);
      if (!page) continue;
      record(metric, name, await page.evaluate(() => window.bench.mountMs));
      if (metric.startsWith('mount 100k fixed'))
        record('DOM nodes (100k fixed)', name, await page.evaluate(() => window.bench.domNodes()));
      await page.close();
    }
  }
}

async function heapBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  // JS heap plus ArrayBuffer backing stores (typed arrays live outside the JS heap).
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

// A moderate fling on a mid-range phone: 240 frames of 120 px, then 60 of 2,000 px, all at CPU 4x (issue 14).
async function moderateFling(name) {
  const page = await open(name, 'count=100000&mode=measured');
  if (!page) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const { phases, wallMs } = await page.evaluate(() =>
    window.bench.scrollPhases([
      [120, 240],
      [2000, 60],
    ]),
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const [slow, fast] = phases;
  record('moderate fling CPU 4x: wall time of 300 frames (ms)', name, wallMs);
  record('moderate fling CPU 4x, 120 px phase: frame p50 (ms)', name, percentile(slow.frameTimes, 50));
  record(
    'moderate fling CPU 4x, 120 px phase: frames > 16.7 ms /240',
    name,
    slow.frameTimes.filter((t) => t > 17).length,
  );
  record('moderate fling CPU 4x: dropped frames /300', name, dropped([...slow.frameTimes, ...fast.frameTimes]));
  record('moderate fling CPU 4x: blank frames /300', name, slow.blank + fast.blank);
  await page.close();
}

for (let round = 0; round < scrollRounds; round++) {
  console.error(`scroll/memory round ${round + 1}/${scrollRounds}`);
  for (const name of order(round)) {
    await moderateFling(name);
    if (quick) continue;
    const base = await open(name, 'count=1&mode=fixed');
    const big = base && (await open(name, 'count=1000000&mode=fixed'));
    if (base && big)
      record('JS heap + ArrayBuffers at 1M (MB)', name, ((await heapBytes(big)) - (await heapBytes(base))) / 1e6);
    await base?.close();
    await big?.close();

    for (const [label, px, cpu] of [
      ['fling 300 px/frame', 300, 1],
      ['very fast 2000 px/frame, CPU 4x', 2000, 4],
    ]) {
      const page = await open(name, 'count=100000&mode=measured');
      if (!page) continue;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      const { frameTimes, blank } = await page.evaluate(([step]) => window.bench.scroll(step, 90), [px]);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      record(`${label}: frame p50 (ms)`, name, percentile(frameTimes, 50));
      record(`${label}: frame p95 (ms)`, name, percentile(frameTimes, 95));
      record(`${label}: dropped frames /90`, name, dropped(frameTimes));
      record(`${label}: blank frames /90`, name, blank);
      await page.close();
    }
  }
}

console.error('reachability');
for (const [metric, count] of quick
  ? []
  : [
      ['last row reachable at 10M', 10_000_000],
      ['last row reachable at 100M', 100_000_000],
    ]) {
  for (const name of contenders) {
    const page = await open(name, `count=${count}&mode=fixed`, 60_000);
    const reached = page ? await page.evaluate(() => window.bench.reachEnd()).catch(() => false) : false;
    record(metric, name, reached ? 1 : 0);
    await page?.close().catch(() => {});
  }
}

const chromiumVersion = browser.version();
await browser.close();
await server.close();
rmSync(outDir, { recursive: true, force: true });

// Table: median (min-max) per contender, and each median relative to the best one (lower is better).
const format = (values) => {
  if (!values?.length) return 'failed';
  const m = median(values);
  const digits = m >= 100 ? 0 : m >= 10 ? 1 : 2;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? m.toFixed(digits) : `${m.toFixed(digits)} (${min.toFixed(digits)}-${max.toFixed(digits)})`;
};
const lines = [`| metric | ${contenders.join(' | ')} |`, `|---|${contenders.map(() => '---').join('|')}|`];
for (const [metric, byName] of Object.entries(results)) {
  if (metric.startsWith('last row')) {
    lines.push(`| ${metric} | ${contenders.map((name) => (byName[name]?.[0] ? 'yes' : 'no')).join(' | ')} |`);
    continue;
  }
  const medians = contenders.map((name) => (byName[name]?.length ? median(byName[name]) : Number.NaN));
  const best = Math.min(...medians.filter((m) => Number.isFinite(m)));
  const cells = contenders.map((name, i) => {
    const ratio = best > 0 && Number.isFinite(medians[i]) ? ` ×${(medians[i] / best).toFixed(2)}` : '';
    return `${format(byName[name])}${ratio}`;
  });
  lines.push(`| ${metric} | ${cells.join(' | ')} |`);
}
console.log(
  `\n${new Date().toISOString()}, ${(await import('node:os')).cpus().length} cores, load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `headless Chromium ${chromiumVersion}, ${rounds} rounds (scroll/memory: ${scrollRounds}); median (min-max) ×ratio to the best median\n`,
);
console.log(lines.join('\n'));
