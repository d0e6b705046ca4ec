import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import {
  appBuild,
  lighthouseRuns,
  referenceBuild,
  requireBaseline,
  timingRules,
  timingSampling,
  vitalsLimits,
} from '../../audit.config.js';
import { scenarios } from '../../scenarios.js';
import { compareLighthouse, type LighthouseComparison } from '../compare/compareLighthouse.js';
import { compareScenario, summarize, type ScenarioComparison } from '../compare/compareScenarios.js';
import { describeJudgement } from '../compare/describeJudgement.js';
import type { ComparisonResult, Side } from '../compare/sampleAlternately.js';
import { chromiumFlags, resolveChromePath } from '../lib/chromium.js';
import { machineLoadWarning } from '../lib/machineLoad.js';
import { repoRoot } from '../lib/repoRoot.js';
import { prepareReference } from '../reference/prepareReference.js';
import { startDemoServer, type RunningSite } from '../server/startDemoServer.js';
import { runVitals } from '../vitals/runScenario.js';
import type { ScenarioSummary } from '../vitals/scenarioSummary.js';
import { readBaseline } from './baseline.js';

/** reports/timings/results.json: every comparison with its samples, for the HTML report. */
export interface TimingsReport {
  generatedAt: string;
  reference: { ref: string; commit: string };
  comparisons: (ComparisonResult & {
    cause?: string;
    judgedReport?: string;
    cpuSlowdownMultiplier?: number;
    benchmarkIndex?: number;
  })[];
  failures: string[];
}

/**
 * `npm run audit:timings [-- --ci] [--against <ref>] [--only id,id]`: the A/B timing gates. Builds the reference
 * (the commit baseline.json names, or `--against`), serves it beside the candidate (this checkout's build), and
 * runs both alternately: Lighthouse targets, then each Playwright scenario for web-vitals and for main-thread CPU.
 * Fails only what is worse with confidence; writes reports/timings/results.json and the vitals figures of the
 * candidate to reports/perf/results.json. Resolves to the exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ci: { type: 'boolean', default: false },
      against: { type: 'string' },
      only: { type: 'string' },
      'skip-lighthouse': { type: 'boolean', default: false },
      'skip-scenarios': { type: 'boolean', default: false },
    },
  });
  const root = repoRoot();
  const baseline = readBaseline(join(root, 'audits/baseline.json'));
  const ref = values.against ?? baseline?.reference?.commit;
  if (!ref) {
    const message =
      'Timings: no reference to compare with: pass --against <git ref> (e.g. origin/main), or record one with `npm run audit:update-baseline`.';
    if (requireBaseline) {
      console.error(message);
      return 1;
    }
    console.log(`${message} Nothing was compared.`);
    return 0;
  }
  const known = [...scenarios.map((scenario) => scenario.id), ...lighthouseRuns.map((run) => run.id)];
  const only = values.only?.split(',').filter(Boolean);
  const unknown = only?.filter((id) => !known.includes(id)) ?? [];
  if (unknown.length) throw new Error(`Unknown target id(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const plans = values.ci ? timingSampling.ci : timingSampling.full;
  const selectedRuns = values['skip-lighthouse']
    ? []
    : lighthouseRuns.filter((run) => (only ? only.includes(run.id) : !values.ci || run.ci));
  const selectedScenarios = values['skip-scenarios']
    ? []
    : scenarios.filter((scenario) => !only || only.includes(scenario.id));
  // Outside the A/B set, a scenario still runs once on the candidate for its deterministic figures.
  const inAbSet = (scenario: (typeof scenarios)[number]) => Boolean(only) || !values.ci || scenario.ci === true;

  const reference = prepareReference({ root, ref, appBuild, buildCommand: referenceBuild.command });
  console.log(
    `Reference: ${ref} = ${reference.commit.slice(0, 12)}${reference.cached ? ' (cached build)' : ''}; candidate: this checkout's build`,
  );
  const sites: Partial<Record<Side, RunningSite>> = {};
  const comparisons: TimingsReport['comparisons'] = [];
  const summaries: Record<string, ScenarioSummary> = {};
  const reportDir = join(root, 'reports/timings');
  mkdirSync(reportDir, { recursive: true });
  try {
    sites.reference = await startDemoServer(reference.root, appBuild);
    sites.candidate = await startDemoServer(root, appBuild);
    const origins = { reference: sites.reference.url, candidate: sites.candidate.url };
    const log = (line: string) => console.log(line);
    for (const run of selectedRuns) {
      const compared: LighthouseComparison = await compareLighthouse({
        run,
        origins,
        rules: timingRules,
        plan: plans.lighthouse,
        ...(baseline?.benchmarkIndex ? { recordedBenchmarkIndex: baseline.benchmarkIndex } : {}),
        reportDir: join(reportDir, 'lighthouse'),
        log,
      });
      comparisons.push(compared);
      printComparison(compared);
    }
    if (selectedScenarios.length) {
      const executablePath = resolveChromePath();
      const browser = await chromium.launch({
        args: chromiumFlags.filter((flag) => !flag.startsWith('--headless')),
        ...(executablePath ? { executablePath } : {}),
      });
      try {
        // The first visit after a server starts is the slowest (its caches are cold): one unmeasured visit each.
        for (const side of ['reference', 'candidate'] as const)
          await runVitals(browser, selectedScenarios[0]!, origins[side]);
        for (const scenario of selectedScenarios) {
          if (!inAbSet(scenario)) {
            summaries[scenario.id] = summarize([await runVitals(browser, scenario, origins.candidate)]);
            log(`  vitals:${scenario.id}: one candidate run for its deterministic figures (not in the --ci A/B set)`);
            continue;
          }
          const result: ScenarioComparison = await compareScenario({
            browser,
            scenario,
            origins,
            rules: timingRules,
            limits: vitalsLimits[scenario.id] ?? {},
            plans,
            log,
          });
          comparisons.push(result.vitals, ...(result.cpu ? [result.cpu] : []));
          printComparison(result.vitals);
          if (result.cpu) printComparison(result.cpu);
          summaries[scenario.id] = result.summary;
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await sites.reference?.close();
    await sites.candidate?.close();
  }

  const failures = comparisons.flatMap((comparison) =>
    Object.entries(comparison.figures)
      .filter(([, judged]) => judged.verdict === 'fail')
      .map(([name, judged]) => describeFigure(comparison, name, judged)),
  );
  // CLS is deterministic at the fixed viewport: the largest of the candidate's runs must clear the limit as it is.
  for (const [id, summary] of Object.entries(summaries)) {
    const limit = vitalsLimits[id]?.cls;
    if (limit === undefined || !summary.facts || summary.facts.cls <= limit) continue;
    const shifted = summary.attribution.largestShift
      ? ` (largest shift: ${summary.attribution.largestShift.target})`
      : '';
    const failure = `FAIL vitals:${id} cls: ${summary.facts.cls.toFixed(3)} is over its limit of ${limit}${shifted}`;
    summary.failures.push(failure);
    failures.push(failure);
  }
  const report: TimingsReport = {
    generatedAt: new Date().toISOString(),
    reference: { ref, commit: reference.commit },
    comparisons,
    failures,
  };
  writeFileSync(join(reportDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (Object.keys(summaries).length) writePerfResults(root, summaries);
  if (failures.length) {
    console.error(
      `\nTimings: ${failures.length} figure(s) worse than the reference or past their limit, with confidence:`,
    );
    for (const failure of failures) console.error(`  ${failure}`);
    const warning = machineLoadWarning();
    if (warning) console.error(warning);
    return 1;
  }
  console.log(
    `\nTimings: nothing is worse than the reference ${reference.commit.slice(0, 12)} with confidence. Evidence: ${join(reportDir, 'results.json')}`,
  );
  return 0;
}

function printComparison(comparison: ComparisonResult & { cause?: string }): void {
  for (const [name, judged] of Object.entries(comparison.figures))
    console.log(`  ${describeFigure(comparison, name, judged)}`);
}

/** One figure's line, the same in the log and the failure summary; a failure names its cause when one is known. */
function describeFigure(
  comparison: ComparisonResult & { cause?: string },
  name: string,
  judged: ComparisonResult['figures'][string],
): string {
  const line = describeJudgement(comparison.id, name, judged);
  return judged.verdict === 'fail' && comparison.cause ? `${line} (${comparison.cause})` : line;
}

/** The candidate's vitals (medians for the report, deterministic facts for the baseline) in reports/perf/. */
function writePerfResults(root: string, summaries: Record<string, ScenarioSummary>): void {
  const dir = join(root, 'reports/perf');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'results.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), scenarios: summaries }, null, 2)}\n`,
  );
}
