import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrateCpuSlowdown } from '../lighthouse/calibrateCpuSlowdown.js';
import { runLighthouseRetrying } from '../lighthouse/runLighthouseRetrying.js';
import type { LighthouseSummary } from '../lighthouse/summarizeLhr.js';
import { median } from '../lib/median.js';
import type { TimingRule } from '../stats/judgeTiming.js';
import type { LighthouseRunConfig, TimingRules } from '../types.js';
import { sampleAlternately, type ComparisonResult, type SamplingPlan, type Side } from './sampleAlternately.js';

/** What {@link compareLighthouse} needs. */
export interface CompareLighthouseOptions {
  run: LighthouseRunConfig;
  origins: Record<Side, string>;
  rules: TimingRules;
  plan: SamplingPlan;
  /** baseline.json `benchmarkIndex`: when set, mobile runs calibrate their CPU slowdown to it. @default none */
  recordedBenchmarkIndex?: number;
  /** Where the candidate's HTML reports go. */
  reportDir: string;
  log: (line: string) => void;
}

/** The comparison plus what explains it: the candidate's judged run, its report, the emulation used. */
export type LighthouseComparison = ComparisonResult & {
  cpuSlowdownMultiplier?: number;
  benchmarkIndex: number;
  /** The report of the candidate run whose performance score is the median: the run that was judged. */
  judgedReport?: string;
  cause?: string;
};

/**
 * Compares one Lighthouse target's performance (score, FCP, LCP, TBT, SI) between the two builds, performance
 * category only. One unmeasured run of each build first; their benchmark index sets the CPU slowdown of every
 * measured run, the same for both builds, so the calibration cannot favour either.
 */
export async function compareLighthouse({
  run,
  origins,
  rules,
  plan,
  recordedBenchmarkIndex,
  reportDir,
  log,
}: CompareLighthouseOptions): Promise<LighthouseComparison> {
  const url = (side: Side) => new URL(run.route, origins[side]).href;
  const base = { formFactor: run.formFactor, warm: run.warm ?? false, categories: ['performance'] as const };
  const warmups = [
    await runLighthouseRetrying(`lighthouse:${run.id}`, { ...base, url: url('reference') }, log),
    await runLighthouseRetrying(`lighthouse:${run.id}`, { ...base, url: url('candidate') }, log),
  ];
  const benchmarkIndex = median(warmups.map((result) => result.summary.benchmarkIndex ?? 0));
  const cpuSlowdownMultiplier =
    run.formFactor === 'mobile' && recordedBenchmarkIndex && benchmarkIndex > 0
      ? calibrateCpuSlowdown(benchmarkIndex, recordedBenchmarkIndex)
      : undefined;
  if (cpuSlowdownMultiplier !== undefined)
    log(
      `  lighthouse:${run.id}: CPU benchmark ${Math.round(benchmarkIndex)} (baseline ${Math.round(recordedBenchmarkIndex!)}): CPU slowdown ${cpuSlowdownMultiplier}x`,
    );

  const lighthouseRules: Record<string, TimingRule> = {};
  for (const [name, rule] of Object.entries(rules.lighthouse) as [keyof TimingRules['lighthouse'], TimingRule][]) {
    const limit = name === 'performance' ? run.minScores.performance : run.maxMetrics[name];
    lighthouseRules[name] = limit === undefined ? rule : { ...rule, limit };
  }
  const candidateRuns: { summary: LighthouseSummary; html: string }[] = [];
  const comparison = await sampleAlternately(
    `lighthouse:${run.id}`,
    lighthouseRules,
    async (side) => {
      const result = await runLighthouseRetrying(
        `lighthouse:${run.id}`,
        { ...base, url: url(side), ...(cpuSlowdownMultiplier === undefined ? {} : { cpuSlowdownMultiplier }) },
        log,
      );
      if (side === 'candidate') candidateRuns.push({ summary: result.summary, html: result.html });
      return { performance: result.summary.scores.performance, ...result.summary.metrics };
    },
    plan,
  );
  log(`  lighthouse:${run.id}: ${comparison.stoppedBecause}`);

  // The judged run: the candidate run whose performance score is the median one (its report is what to open).
  mkdirSync(reportDir, { recursive: true });
  const sorted = [...candidateRuns].sort(
    (a, b) => (a.summary.scores.performance ?? 0) - (b.summary.scores.performance ?? 0),
  );
  const judged = sorted[Math.floor((sorted.length - 1) / 2)];
  let judgedReport: string | undefined;
  if (judged) {
    judgedReport = join(reportDir, `${run.id}-candidate-median.report.html`);
    writeFileSync(judgedReport, judged.html);
  }
  const sources = judged?.summary.longTaskSources ?? [];
  return {
    ...comparison,
    benchmarkIndex,
    ...(cpuSlowdownMultiplier === undefined ? {} : { cpuSlowdownMultiplier }),
    ...(judgedReport ? { judgedReport } : {}),
    ...(sources.length ? { cause: `long tasks in the judged candidate run from: ${sources.join(', ')}` } : {}),
  };
}
