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

function writeReports(entryBrotli: number, firstLoadLcp: number): void {
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
  writeFileSync(
    join(root, 'reports/perf/results.json'),
    JSON.stringify({ scenarios: { 'first-load': { runs: 1, median: { lcp: firstLoadLcp, cls: 0.02 }, min: {}, max: {}, attribution: { longFrameScripts: [] }, failures: [] } } }),
  );
}

const run = (...args: string[]) => main(['--root', root, ...args]);

describe('baseline gate', () => {
  it('creates the baseline with --update, then passes on the same figures', async () => {
    writeReports(3_952, 3_200);
    expect(await run('--update')).toBe(0);
    const baseline = JSON.parse(readFileSync(join(root, 'audits/baseline.json'), 'utf8'));
    expect(baseline.figures['size:chunk:entry.js']).toEqual({ kind: 'bytes', value: 3_952 });
    expect(baseline.figures['vitals:first-load:lcp']).toEqual({ kind: 'fieldTime', value: 3_200 });
    expect(await run()).toBe(0);
    expect(out.error).toEqual([]);
  });

  it('tolerates changes inside the margins', async () => {
    writeReports(3_952, 3_200);
    await run('--update');
    writeReports(3_952 + 250, 3_200 + 900);
    expect(await run()).toBe(0);
  });

  it('fails a chunk that grew past its tolerance, saying which and by how much', async () => {
    writeReports(3_952, 3_200);
    await run('--update');
    writeReports(3_952 + 900, 3_200);
    expect(await run()).toBe(1);
    expect(out.error.join('\n')).toContain('size:chunk:entry.js regressed by 900 B / 22.8 % (3952 B -> 4852 B, allowed 300 B)');
    expect(out.error.join('\n')).toContain('size:budget:demo: initial load regressed by 900 B');
  });

  it('fails a timing that regressed past its margin', async () => {
    writeReports(3_952, 3_200);
    await run('--update');
    writeReports(3_952, 4_500);
    expect(await run()).toBe(1);
    expect(out.error.join('\n')).toContain('vitals:first-load:lcp regressed by 1300 ms / 40.6 % (3200 ms -> 4500 ms, allowed 1120 ms)');
  });

  it('explains a missing baseline instead of passing', async () => {
    writeReports(3_952, 3_200);
    expect(await run()).toBe(1);
    expect(out.error.join('\n')).toMatch(/No baseline at .*: create it with `npm run audit:update-baseline`/);
  });

  it('passes without a baseline when none is required yet (a new app), saying nothing was compared', async () => {
    writeReports(3_952, 3_200);
    expect(await main(['--root', root], { requireBaseline: false })).toBe(0);
    expect(out.error).toEqual([]);
    expect(out.log.join('\n')).toContain('Baseline: no baseline yet (audits/baseline.json), so 5 figure(s) were not compared with anything.');
    expect(out.log.join('\n')).toContain('Run `npm run audit:update-baseline`');
  });
});
