import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appBuild, lighthouseRepeats, lighthouseRuns } from '../../audit.config.js';
import { auditLighthouse } from '../lighthouse/auditLighthouse.js';
import { machineLoadWarning } from '../lib/machineLoad.js';
import { repoRoot } from '../lib/repoRoot.js';
import { startDemoServer, type RunningSite } from '../server/startDemoServer.js';
import type { LighthouseRunConfig } from '../types.js';

/**
 * `npm run audit:lighthouse [-- --ci] [--repeats N] [--only id,id]`: Lighthouse on the production build
 * (audit.config.ts `appBuild`), served by its own server on 127.0.0.1; reports in reports/lighthouse/.
 * Resolves to the exit code.
 * `--url <origin>` audits a site that is already running instead, and `--runs-file <json>` replaces the runs
 * of audit.config.ts (an array of run configs), e.g. for a staging deploy or the gate tests' fixture site.
 * Deterministic limits (accessibility, best practices, SEO, CLS) are judged on the median run. A timing limit
 * fails only when missed with 95 % confidence: a target whose median misses one is run until it has
 * `--confirm-runs` runs (default 5, the fewest that can give that confidence); `--confirm-runs 0` leaves timing
 * limits to the A/B step (`npm run audit`).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ci: { type: 'boolean', default: false },
      repeats: { type: 'string' },
      only: { type: 'string' },
      url: { type: 'string' },
      'runs-file': { type: 'string' },
      'report-dir': { type: 'string' },
      'confirm-runs': { type: 'string' },
    },
  });
  const configured = values['runs-file'] ? readRunsFile(values['runs-file']) : lighthouseRuns;
  const only = values.only?.split(',').filter(Boolean);
  const unknown = only?.filter((id) => !configured.some((run) => run.id === id)) ?? [];
  if (unknown.length)
    throw new Error(`Unknown run id(s): ${unknown.join(', ')}; known: ${configured.map((run) => run.id).join(', ')}`);
  const runs = configured.filter((run) => (only ? only.includes(run.id) : !values.ci || run.ci));
  const repeats = values.repeats ? Number(values.repeats) : values.ci ? lighthouseRepeats.ci : lighthouseRepeats.full;

  if (!Number.isInteger(repeats) || repeats < 1)
    throw new Error(`--repeats must be a positive integer, got "${values.repeats}"`);
  if (!runs.length) throw new Error('No Lighthouse run selected');
  const confirmRuns = Number(values['confirm-runs'] ?? 5);
  if (!Number.isInteger(confirmRuns) || confirmRuns < 0)
    throw new Error(`--confirm-runs must be a non-negative integer, got "${values['confirm-runs']}"`);

  const root = repoRoot();
  const site: RunningSite = values.url
    ? { url: new URL(values.url).href, close: async () => undefined }
    : await startDemoServer(root, appBuild);
  const reportDir = values['report-dir'] ?? join(root, 'reports/lighthouse');
  console.log(`Lighthouse ${runs.length} target(s) x ${repeats} on ${site.url}`);
  try {
    const { failures } = await auditLighthouse({ origin: site.url, runs, repeats, reportDir, confirmRuns });
    if (failures.length) {
      console.error(`\nLighthouse: ${failures.length} assertion(s) failed:`);
      for (const failure of failures) console.error(`  FAIL ${failure}`);
      const warning = machineLoadWarning();
      if (warning) console.error(warning);
      return 1;
    }
    console.log(`\nLighthouse: every assertion holds. Reports: ${reportDir}`);
    return 0;
  } finally {
    await site.close();
  }
}

function readRunsFile(path: string): LighthouseRunConfig[] {
  const runs = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(runs) || !runs.every(isRunConfig)) {
    throw new Error(
      `${path} must hold an array of runs: { id, route, formFactor: "mobile" | "desktop", minScores: {}, maxMetrics: {} }`,
    );
  }
  return runs;
}

function isRunConfig(run: unknown): run is LighthouseRunConfig {
  const r = run as Partial<LighthouseRunConfig> | null;
  return (
    typeof r?.id === 'string' &&
    typeof r.route === 'string' &&
    (r.formFactor === 'mobile' || r.formFactor === 'desktop') &&
    typeof r.minScores === 'object' &&
    typeof r.maxMetrics === 'object'
  );
}
