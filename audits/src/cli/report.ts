import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lighthouseRuns, tolerances, vitalsLimits } from '../../audit.config.js';
import { collectFigures, reportPaths } from '../baseline/collectFigures.js';
import { compareFigures, describeRegression } from '../baseline/compareFigures.js';
import type { LighthouseAuditResult } from '../lighthouse/auditLighthouse.js';
import { repoRoot } from '../lib/repoRoot.js';
import { renderAuditReport } from '../report/renderAuditReport.js';
import type { ScenarioSummary } from '../vitals/scenarioSummary.js';
import { readBaseline } from './baseline.js';
import type { TimingsReport } from './timings.js';

/** Writes reports/audit/index.html from whatever reports exist; returns its path. */
export function writeAuditReport(root: string, extraFailures: readonly string[] = []): string {
  const paths = reportPaths(root);
  const baseline = readBaseline(join(root, 'audits/baseline.json'));
  const { figures } = collectFigures(root);
  const comparison = baseline ? compareFigures(baseline, figures, tolerances) : undefined;
  const lighthouse = read<LighthouseAuditResult>(paths.lighthouse);
  const vitals = read<{ scenarios: Record<string, ScenarioSummary> }>(paths.vitals)?.scenarios;
  const timings = read<TimingsReport>(join(root, 'reports/timings/results.json'));
  const failures = [
    ...extraFailures,
    ...(timings?.failures ?? []),
    ...(lighthouse?.failures ?? []),
    ...Object.values(vitals ?? {}).flatMap((scenario) => scenario.failures),
    ...(comparison?.regressions.map(describeRegression) ?? []),
  ];
  const html = renderAuditReport({
    generatedAt: new Date().toISOString(),
    failures: [...new Set(failures)],
    figures,
    baseline,
    comparisons: comparison?.comparisons ?? [],
    lighthouse,
    lighthouseRuns,
    vitals,
    vitalsLimits,
    sizes: read(paths.sizes),
    timings,
    machine: `Measured on ${cpus().length} core(s), load average ${loadavg()[0]!.toFixed(1)} at report time.`,
  });
  const dir = join(root, 'reports/audit');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  return join(dir, 'index.html');
}

function read<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

/** `node audits/dist/src/bin/run.js report [--root dir]`: the HTML report alone, from the last runs' reports. */
export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { root: { type: 'string' } } });
  console.log(`Audit report: ${writeAuditReport(values.root ?? repoRoot())}`);
  return 0;
}
