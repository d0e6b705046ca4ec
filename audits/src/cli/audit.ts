import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { main as baseline } from './baseline.js';
import { main as lighthouse } from './lighthouse.js';
import { writeAuditReport } from './report.js';
import { main as timings } from './timings.js';
import { machineLoadWarning } from '../lib/machineLoad.js';
import { repoRoot } from '../lib/repoRoot.js';

/**
 * `npm run audit [-- --ci] [--against <ref>] [--update-baseline]`: every performance gate in one command, then the
 * HTML report in reports/audit/:
 * 1. Lighthouse on the candidate: the deterministic limits (accessibility, best practices, SEO, CLS).
 * 2. Timings A/B: the candidate against the reference build (baseline.json's commit, or `--against`), run
 *    alternately: Lighthouse performance, the Playwright scenarios' web-vitals and main-thread CPU time. Also
 *    records each scenario's deterministic figures (CLS until the page settles, LCP element, downloads).
 * 3. Baseline: every deterministic figure (bytes, requests, scores, CLS, LCP element) exactly against baseline.json.
 * Every step runs even when an earlier one failed, so the report shows all problems; the exit code is 1 if any
 * step failed. `--ci` is the short set (`npm test`); `--update-baseline` writes audits/baseline.json at the end.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ci: { type: 'boolean', default: false },
      'update-baseline': { type: 'boolean', default: false },
      against: { type: 'string' },
      'skip-lighthouse': { type: 'boolean', default: false },
      'skip-timings': { type: 'boolean', default: false },
    },
  });
  const root = repoRoot();
  const failed: string[] = [];
  const step = async (name: string, run: () => Promise<number> | number) => {
    const started = Date.now();
    console.log(`\n== ${name}`);
    // A step that throws (a browser that would not start, a reference that would not build) fails that step
    // only: the others still run and the report still shows what they found.
    const code = await Promise.resolve()
      .then(run)
      .catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        return 1;
      });
    console.log(`== ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (code !== 0) failed.push(name);
  };

  if (!existsSync(join(root, 'reports/size/sizes.json')))
    console.log('(no reports/size/sizes.json: run `npm run test:size` for the size figures)');
  // Reports of an earlier run must not stand in for a step that is skipped or fails this time.
  for (const dir of ['reports/lighthouse', 'reports/timings', 'reports/perf'])
    rmSync(join(root, dir), { recursive: true, force: true });
  if (!values['skip-lighthouse'])
    await step('Lighthouse (deterministic limits)', () =>
      lighthouse([...(values.ci ? ['--ci'] : []), '--confirm-runs', '0']),
    );
  if (!values['skip-timings']) {
    await step('Timings A/B against the reference', () =>
      timings([...(values.ci ? ['--ci'] : []), ...(values.against ? ['--against', values.against] : [])]),
    );
  }
  await step(values['update-baseline'] ? 'Baseline update' : 'Baseline (deterministic figures, exact)', () =>
    baseline(values['update-baseline'] ? ['--update'] : []),
  );
  const report = writeAuditReport(
    root,
    failed.map((name) => `${name} step failed (see its output above)`),
  );
  console.log(`\nReport: ${report}`);
  if (failed.length) {
    console.error(`Audit failed: ${failed.join(', ')}`);
    const warning = machineLoadWarning();
    if (warning) console.error(warning);
    return 1;
  }
  return 0;
}
