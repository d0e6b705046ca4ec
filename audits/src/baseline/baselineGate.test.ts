import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/baseline.js';

// The baseline gate through its command, on a throwaway repository layout: reports/ as the audits write them.

let root: string;
const out: { log: string[]; error: string[] } = { log: [], error: [] };

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pronto-baseline-'));
  mkdirSync(join(root, 'reports/size'), { recursive: true });
  mkdirSync(join(root, 'reports/perf'), { recursive: true });
  out.log = [];
  out.error = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.log.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void out.error.push(args.join(' ')));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

interface Facts {
  entryBrotli: number;
  requests?: number;
  cls?: number;
  lcpElement?: string;
}

function writeReports({ entryBrotli, requests = 9, cls = 0, lcpElement = 'img.hero' }: Facts): void {
  writeFileSync(
    join(root, 'reports/size/sizes.json'),
    JSON.stringify({
      budgets: [{ name: 'demo: initial load', size: 60_000 + entryBrotli }],
      chunks: [
        { file: 'assets/entry-BOHFKSRM.js', initial: true, raw: 1, gzip: 1, brotli: entryBrotli },
        { file: 'assets/react-vendor-C1iE8mnY.js', initial: true, raw: 1, gzip: 1, brotli: 58_079 },
      ],
    }),
  );
  const facts = {
    cls,
    lcpElement,
    requests,
    bytes: 80_000,
    allRequests: requests + 9,
    allBytes: 120_000,
    renderBlocking: ['/', '/assets/entry.css'],
  };
  writeFileSync(
    join(root, 'reports/perf/results.json'),
    JSON.stringify({
      scenarios: {
        'first-load': {
          runs: 4,
          median: { lcp: 2_300 },
          min: {},
          max: {},
          attribution: { longFrameScripts: [] },
          failures: [],
          facts,
        },
      },
    }),
  );
}

const run = (...args: string[]) => main(['--root', root, ...args]);

describe('baseline gate', () => {
  it('creates the baseline with --update, then passes on the same figures', async () => {
    writeReports({ entryBrotli: 3_952 });
    expect(await run('--update')).toBe(0);
    const baseline = JSON.parse(readFileSync(join(root, 'audits/baseline.json'), 'utf8'));
    expect(baseline.figures['size:chunk:entry.js']).toEqual({ kind: 'bytes', value: 3_952 });
    expect(baseline.figures['vitals:first-load:requests']).toEqual({ kind: 'count', value: 9 });
    expect(baseline.figures['vitals:first-load:renderBlocking']).toEqual({
      kind: 'identity',
      value: 0,
      text: '/ /assets/entry.css',
    });
    // Timings are judged A/B against the reference build, never against stored numbers.
    expect(Object.keys(baseline.figures).some((id) => id.endsWith(':lcp'))).toBe(false);
    expect(await run()).toBe(0);
    expect(out.error).toEqual([]);
  });

  it('passes a chunk that shrank', async () => {
    writeReports({ entryBrotli: 3_952 });
    await run('--update');
    writeReports({ entryBrotli: 3_900 });
    expect(await run()).toBe(0);
  });

  it('fails a chunk that grew by a single byte, saying which and by how much', async () => {
    writeReports({ entryBrotli: 3_952 });
    await run('--update');
    writeReports({ entryBrotli: 3_952 + 30_000 });
    expect(await run()).toBe(1);
    expect(out.error.join('\n')).toContain(
      'size:chunk:entry.js regressed by 30000 B / 759.1 % (3952 B -> 33952 B, allowed 0 B)',
    );
    expect(out.error.join('\n')).toContain('size:budget:demo: initial load regressed by 30000 B');
    // The build is reproducible (see audit.config.ts): the same code gives the same bytes, so one more byte fails.
    writeReports({ entryBrotli: 3_952 });
    expect(await run()).toBe(0);
    writeReports({ entryBrotli: 3_952 + 1 });
    expect(await run()).toBe(1);
  });

  it('fails a new request, a layout shift and a different LCP element', async () => {
    writeReports({ entryBrotli: 3_952 });
    await run('--update');
    writeReports({ entryBrotli: 3_952, requests: 10, cls: 0.05, lcpElement: 'h1' });
    expect(await run()).toBe(1);
    const failures = out.error.join('\n');
    expect(failures).toContain('vitals:first-load:requests regressed by 1');
    expect(failures).toContain('vitals:first-load:cls regressed by 0.050');
    expect(failures).toContain('vitals:first-load:lcpElement changed: "img.hero" -> "h1"');
  });

  it('explains a missing baseline instead of passing', async () => {
    writeReports({ entryBrotli: 3_952 });
    expect(await run()).toBe(1);
    expect(out.error.join('\n')).toMatch(/No baseline at .*: create it with `npm run audit:update-baseline`/);
  });

  it('passes without a baseline when none is required yet (a new app), saying nothing was compared', async () => {
    writeReports({ entryBrotli: 3_952 });
    expect(await main(['--root', root], { requireBaseline: false })).toBe(0);
    expect(out.error).toEqual([]);
    expect(out.log.join('\n')).toContain(
      'Baseline: no baseline yet (audits/baseline.json), so 8 figure(s) were not compared with anything.',
    );
    expect(out.log.join('\n')).toContain('Run `npm run audit:update-baseline`');
  });
});
