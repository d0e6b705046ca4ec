import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/lighthouse.js';
import { startFixtureSite } from '../testing/startFixtureSite.js';
import type { RunningSite } from '../server/startDemoServer.js';
import type { LighthouseRunConfig } from '../types.js';

// The Lighthouse gate, run for real (Chromium + Lighthouse) on fixture pages that are each worse in one way.
// Only the audits a case needs run, and the desktop preset, so each case takes seconds.

let site: RunningSite;
let dir: string;

beforeAll(async () => {
  site = await startFixtureSite();
  dir = mkdtempSync(join(tmpdir(), 'pronto-lh-gate-'));
});

afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the CLI on the fixture site with these runs; returns its exit code and what it printed. Deterministic
 * limits are judged on the first run; timing limits need `confirmRuns` runs to be judged with confidence.
 */
async function runGate(
  runs: LighthouseRunConfig[],
  confirmRuns = 1,
): Promise<{ code: number; errors: string; log: string }> {
  const runsFile = join(dir, `${runs[0]!.id}.json`);
  writeFileSync(runsFile, JSON.stringify(runs));
  const errors: string[] = [];
  const lines: string[] = [];
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    const code = await main([
      '--url',
      site.url,
      '--runs-file',
      runsFile,
      '--repeats',
      '1',
      '--report-dir',
      join(dir, 'reports'),
      '--confirm-runs',
      String(confirmRuns),
    ]);
    return { code, errors: errors.join('\n'), log: lines.join('\n') };
  } finally {
    error.mockRestore();
    log.mockRestore();
  }
}

const base = { formFactor: 'desktop', minScores: {}, maxMetrics: {} } as const;

describe('Lighthouse gate', () => {
  it('passes a page with no flaw (the control)', async () => {
    const { code, errors } = await runGate([
      {
        ...base,
        id: 'good',
        route: '/good.html',
        onlyAudits: ['cumulative-layout-shift', 'total-blocking-time', 'image-alt'],
        maxMetrics: { cls: 0.1, tbt: 200 },
        minScores: { accessibility: 0.95 },
      },
    ]);
    expect(errors).toBe('');
    expect(code).toBe(0);
  });

  it('fails on a layout-shifting element at once (CLS is deterministic) and names it', async () => {
    const { code, errors, log } = await runGate(
      [
        {
          ...base,
          id: 'cls',
          route: '/cls.html',
          onlyAudits: ['cumulative-layout-shift', 'layout-shifts'],
          maxMetrics: { cls: 0.1 },
        },
      ],
      5,
    );
    expect(log).not.toMatch(/cls #2: /);
    expect(code).toBe(1);
    expect(errors).toMatch(/cls: Cumulative Layout Shift 0\.\d+ is over its limit of 0\.100/);
    // Lighthouse reports the shifted region's node (here the whole body moved down).
    expect(errors).toMatch(/\(shifted: body/);
  });

  it('never fails a timing limit on one run, however slow', async () => {
    const { code, errors } = await runGate(
      [
        {
          ...base,
          id: 'tbt-once',
          route: '/long-task.html',
          onlyAudits: ['total-blocking-time', 'long-tasks'],
          maxMetrics: { tbt: 200 },
        },
      ],
      1,
    );
    expect(errors).toBe('');
    expect(code).toBe(0);
  });

  it('fails a long blocking script once 5 runs show it with confidence, and names the script', async () => {
    const { code, errors, log } = await runGate(
      [
        {
          ...base,
          id: 'tbt',
          route: '/long-task.html',
          onlyAudits: ['total-blocking-time', 'long-tasks'],
          maxMetrics: { tbt: 200 },
        },
      ],
      5,
    );
    expect(log).toContain('tbt: the median misses a timing limit; sampling up to 5 runs to judge it with confidence');
    expect(log).toMatch(/tbt #5: /);
    expect(code).toBe(1);
    expect(errors).toMatch(
      /tbt: TBT misses its limit of 200 ms with 95 % confidence \(runs: (\d+ ms, ){4}\d+ ms; the median is at least \d+ ms\)/,
    );
    expect(errors).toMatch(/long tasks from: .*long-task\.js/);
  });

  it('fails on an image without alt text and names the audit and the element', async () => {
    const { code, errors } = await runGate([
      { ...base, id: 'a11y', route: '/no-alt.html', onlyAudits: ['image-alt'], minScores: { accessibility: 0.95 } },
    ]);
    expect(code).toBe(1);
    expect(errors).toMatch(
      /a11y: accessibility score 0\.\d\d is below 0\.95; failing audits: .*\[image-alt\].*img#unlabelled/,
    );
  });

  it('audits a warm repeat visit served by the service worker', async () => {
    const { code, errors } = await runGate([
      {
        ...base,
        id: 'warm',
        route: '/sw-page.html',
        warm: true,
        onlyAudits: ['cumulative-layout-shift'],
        maxMetrics: { cls: 0.1 },
      },
    ]);
    expect(errors).toBe('');
    expect(code).toBe(0);
  });
});
