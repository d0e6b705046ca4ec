import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { repoRoot } from '../../src/lib/repoRoot.js';
import { renderVitalsMarkdown, summarizeScenarios, type ScenarioSample } from '../../src/vitals/summarizeScenarios.js';
import type { VitalsResult } from '../../src/vitals/types.js';

/** reports/perf/: results.json and summary.md (the aggregate) plus samples/ (one file per test run). */
export const perfReportDir = join(repoRoot(), 'reports/perf');
const samplesDir = join(perfReportDir, 'samples');

/** Starts a clean report (global setup). */
export function resetPerfReports(): void {
  rmSync(perfReportDir, { recursive: true, force: true });
  mkdirSync(samplesDir, { recursive: true });
}

/** Keeps one run's figures; repeated runs (--repeat-each) each get their own file. */
export function recordScenario(testInfo: TestInfo, scenario: string, result: VitalsResult, failures: string[]): void {
  mkdirSync(samplesDir, { recursive: true });
  const sample: ScenarioSample = { scenario, result, failures };
  writeFileSync(join(samplesDir, `${scenario}.${testInfo.repeatEachIndex}.json`), `${JSON.stringify(sample, null, 2)}\n`);
}

/** Reduces every recorded run to results.json and summary.md (global teardown). */
export function writePerfSummary(): void {
  let files: string[];
  try {
    files = readdirSync(samplesDir).filter((file) => file.endsWith('.json'));
  } catch {
    return;
  }
  const samples = files.map((file) => JSON.parse(readFileSync(join(samplesDir, file), 'utf8')) as ScenarioSample);
  const scenarios = summarizeScenarios(samples);
  const context = `4x CPU throttling + slow 4G (CDP), Chromium headless, 412x823 viewport. Generated ${new Date().toISOString()}.`;
  writeFileSync(join(perfReportDir, 'results.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), scenarios }, null, 2)}\n`);
  writeFileSync(join(perfReportDir, 'summary.md'), renderVitalsMarkdown(scenarios, context));
  console.log(`Perf audit summary: ${join(perfReportDir, 'summary.md')}`);
}
