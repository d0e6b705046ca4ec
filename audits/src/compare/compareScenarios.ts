import type { Browser } from '@playwright/test';
import { median } from '../lib/median.js';
import type { TimingRule } from '../stats/judgeTiming.js';
import type { TimingRules, TimingSampling, VitalsLimits } from '../types.js';
import { runCpu, runVitals, type VitalsRun } from '../vitals/runScenario.js';
import type { Scenario } from '../vitals/scenario.js';
import { figureNames, type ScenarioFacts, type ScenarioSummary } from '../vitals/scenarioSummary.js';
import { sampleAlternately, type ComparisonResult, type Side } from './sampleAlternately.js';

/** What {@link compareScenario} needs. */
export interface CompareScenarioOptions {
  browser: Browser;
  scenario: Scenario;
  origins: Record<Side, string>;
  rules: TimingRules;
  /** audit.config.ts `vitalsLimits[scenario.id]`. @default none */
  limits?: VitalsLimits;
  plans: Pick<TimingSampling, 'vitals' | 'cpu'>;
  log: (line: string) => void;
}

/** The A/B results of one scenario, and the candidate's own figures for the baseline and the report. */
export interface ScenarioComparison {
  vitals: ComparisonResult;
  /** Only for scenarios with `cpu: true`. */
  cpu?: ComparisonResult & { cause?: string };
  summary: ScenarioSummary;
}

/**
 * A scenario run, retried once when it throws (a navigation that timed out on a machine that stalled): one
 * stalled run must not stop the gate, while a scenario that cannot run at all still fails with its error.
 */
async function retryOnce<T>(run: () => Promise<T>, log: (line: string) => void): Promise<T> {
  try {
    return await run();
  } catch (error) {
    log(`  ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; running it again`);
    return run();
  }
}

/**
 * Compares one scenario's timings between the two builds, twice: real-time web-vitals under 4x CPU + slow 4G,
 * and (with `cpu: true`) main-thread CPU time unthrottled, after one unmeasured run of each build (see
 * runScenario.ts). The caller warms both servers up before the first scenario. The candidate's throttled runs also give the deterministic figures (CLS, LCP element, downloads).
 */
export async function compareScenario({
  browser,
  scenario,
  origins,
  rules,
  limits = {},
  plans,
  log,
}: CompareScenarioOptions): Promise<ScenarioComparison> {
  const candidateRuns: VitalsRun[] = [];
  const vitalsRules: Record<string, TimingRule> = {};
  for (const [name, rule] of Object.entries(rules.vitals) as [keyof TimingRules['vitals'], TimingRule][]) {
    const limit = limits[name];
    vitalsRules[name] = limit === undefined ? rule : { ...rule, limit };
  }
  const vitals = await sampleAlternately(
    `vitals:${scenario.id}`,
    vitalsRules,
    async (side) => {
      const run = await retryOnce(() => runVitals(browser, scenario, origins[side]), log);
      if (side === 'candidate') candidateRuns.push(run);
      return { lcp: run.lcp, fcp: run.fcp, inp: run.inp, blockingTime: run.blockingTime, longestTask: run.longestTask };
    },
    plans.vitals,
  );
  log(`  vitals:${scenario.id}: ${vitals.stoppedBecause}`);
  if (!scenario.cpu) return { vitals, summary: summarize(candidateRuns) };

  for (const side of ['reference', 'candidate'] as const)
    await retryOnce(() => runCpu(browser, scenario, origins[side]), log);
  const byScript: Record<Side, Record<string, number>[]> = { reference: [], candidate: [] };
  const cpu = await sampleAlternately(
    `cpu:${scenario.id}`,
    { cpuMs: rules.cpu.cpuMs, scriptMs: rules.cpu.scriptMs, handlersMs: rules.cpu.handlersMs },
    async (side) => {
      const measured = await retryOnce(() => runCpu(browser, scenario, origins[side]), log);
      byScript[side].push(measured.byScript);
      // Handlers only where the scenario interacts; a page load has none worth a figure.
      return {
        cpuMs: measured.cpuMs,
        scriptMs: measured.scriptMs,
        handlersMs: measured.interactions ? measured.handlersMs : undefined,
      };
    },
    plans.cpu,
  );
  log(`  cpu:${scenario.id}: ${cpu.stoppedBecause}`);
  const cause = scriptThatGrew(byScript);
  return { vitals, cpu: cause ? { ...cpu, cause } : cpu, summary: summarize(candidateRuns) };
}

/** The script whose median CPU time grew most from reference to candidate, in words; undefined if none grew. */
export function scriptThatGrew(byScript: Record<Side, Record<string, number>[]>): string | undefined {
  const medianOf = (runs: Record<string, number>[], script: string) => median(runs.map((run) => run[script] ?? 0));
  const scripts = new Set([...byScript.reference, ...byScript.candidate].flatMap((run) => Object.keys(run)));
  let best: { script: string; growth: number; reference: number; candidate: number } | undefined;
  for (const script of scripts) {
    // Hashed file names differ between builds: compare by the name without its content hash.
    const reference = medianOf(byScript.reference.map(byStableName), stableName(script));
    const candidate = medianOf(byScript.candidate.map(byStableName), stableName(script));
    if (!best || candidate - reference > best.growth)
      best = { script: stableName(script), growth: candidate - reference, reference, candidate };
  }
  if (!best || best.growth < 1) return undefined;
  return `most growth in the CPU time of ${best.script}: ${Math.round(best.reference)} -> ${Math.round(best.candidate)} ms`;
}

function stableName(url: string): string {
  try {
    return new URL(url).pathname.replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z0-9]+$)/, '');
  } catch {
    return url;
  }
}

function byStableName(run: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [script, cpuMs] of Object.entries(run)) out[stableName(script)] = (out[stableName(script)] ?? 0) + cpuMs;
  return out;
}

/** Medians and spread of the candidate's throttled runs (for the report) and their deterministic facts. */
export function summarize(runs: readonly VitalsRun[]): ScenarioSummary {
  const summary: ScenarioSummary = {
    runs: runs.length,
    median: {},
    min: {},
    max: {},
    attribution: runs[0]?.attribution ?? { longFrameScripts: [] },
    failures: [],
  };
  for (const name of figureNames) {
    const values = runs.map((run) => run[name]).filter((value): value is number => typeof value === 'number');
    if (!values.length) continue;
    summary.median[name] = median(values);
    summary.min[name] = Math.min(...values);
    summary.max[name] = Math.max(...values);
  }
  const first = runs[0];
  if (first) summary.facts = facts(runs);
  return summary;
}

/**
 * The deterministic figures. Each is the same in every run of a stable page; where runs disagree, every value
 * seen is kept (joined with " | "), so the baseline shows the instability instead of a lucky draw.
 */
function facts(runs: readonly VitalsRun[]): ScenarioFacts {
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((value): value is string => value !== undefined))].join(' | ');
  const lcpElement = distinct(runs.map((run) => run.attribution.lcpElement));
  return {
    cls: Math.max(...runs.map((run) => run.cls ?? 0)),
    ...(lcpElement ? { lcpElement } : {}),
    requests: Math.max(...runs.map((run) => run.facts.requests)),
    bytes: Math.max(...runs.map((run) => run.facts.bytes)),
    allRequests: Math.max(...runs.map((run) => run.facts.allRequests)),
    allBytes: Math.max(...runs.map((run) => run.facts.allBytes)),
    // Every path any run saw blocking, in first-seen order: a resource that blocks only sometimes is listed.
    renderBlocking: [...new Set(runs.flatMap((run) => run.facts.renderBlocking))],
  };
}
