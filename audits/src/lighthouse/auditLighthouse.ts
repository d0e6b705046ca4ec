import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { medianByKey } from '../lib/median.js';
import { medianBounds } from '../stats/medianBounds.js';
import type { LighthouseRunConfig } from '../types.js';
import { checkLighthouse, formatMetric } from './checkLighthouse.js';
import { runLighthouseRetrying } from './runLighthouseRetrying.js';
import type { LighthouseSummary } from './summarizeLhr.js';

/** What {@link auditLighthouse} runs. */
export interface AuditLighthouseOptions {
  /** The audited origin, with a trailing slash. */
  origin: string;
  runs: readonly LighthouseRunConfig[];
  /** Lighthouse runs per target; the gates use the median of each figure. @default 1 */
  repeats?: number;
  /** Where the HTML/JSON reports and summary.json go; nothing is written when omitted. */
  reportDir?: string;
  /** Progress lines. @default console.log */
  log?: (line: string) => void;
  /**
   * Timing limits (performance score, FCP, LCP, TBT, SI) fail only when missed with 95 % confidence, which
   * takes at least 5 runs: a target whose median misses one is run up to this many times. 0 judges no timing
   * limit here (`npm run audit` judges them in the A/B step instead). @default 5
   */
  confirmRuns?: number;
}

/** One target's outcome: the median summary and each run's figures (their spread sets the baseline margins). */
export interface LighthouseTargetResult {
  id: string;
  route: string;
  formFactor: LighthouseRunConfig['formFactor'];
  warm: boolean;
  summary: LighthouseSummary;
  samples: Pick<LighthouseSummary, 'scores' | 'metrics'>[];
  /** 1-based number of the run whose performance score is the median: the run the report links. */
  judgedRun: number;
}

/** Everything one Lighthouse audit found. `failures` is empty when every assertion holds. */
export interface LighthouseAuditResult {
  targets: LighthouseTargetResult[];
  failures: string[];
}

/** Runs each target `repeats` times, one after the other (parallel runs would skew each other's timings). */
export async function auditLighthouse({
  origin,
  runs,
  repeats = 1,
  reportDir,
  log = console.log,
  confirmRuns = 5,
}: AuditLighthouseOptions): Promise<LighthouseAuditResult> {
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`repeats must be a positive integer, got ${repeats}`);
  if (reportDir) mkdirSync(reportDir, { recursive: true });
  const targets: LighthouseTargetResult[] = [];
  const failures: string[] = [];
  for (const run of runs) {
    const url = new URL(run.route, origin).href;
    const summaries: LighthouseSummary[] = [];
    const runOnce = async (index: number) => {
      const started = Date.now();
      const options = {
        url,
        formFactor: run.formFactor,
        warm: run.warm ?? false,
        ...(run.categories ? { categories: run.categories } : {}),
        ...(run.onlyAudits ? { onlyAudits: run.onlyAudits } : {}),
      };
      const result = await runLighthouseRetrying(`${run.id} #${index + 1}`, options, log);
      summaries.push(result.summary);
      if (reportDir) {
        const name = `${run.id}-${index + 1}`;
        writeFileSync(join(reportDir, `${name}.report.html`), result.html);
        writeFileSync(join(reportDir, `${name}.report.json`), result.json);
      }
      log(`  ${run.id} #${index + 1}: ${describe(result.summary)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    };
    const judge = (): LighthouseTargetResult => {
      const summary = medianSummary(summaries);
      return {
        id: run.id,
        route: run.route,
        formFactor: run.formFactor,
        warm: run.warm ?? false,
        summary,
        samples: summaries.map(({ scores, metrics }) => ({ scores, metrics })),
        judgedRun: medianRunIndex(summaries) + 1,
      };
    };
    for (let index = 0; index < repeats; index += 1) await runOnce(index);
    let target = judge();
    if (
      confirmRuns > 0 &&
      summaries.length < confirmRuns &&
      checkLighthouse(run, target.summary, 'timing').length > 0
    ) {
      log(
        `  ${run.id}: the median misses a timing limit; sampling up to ${confirmRuns} runs to judge it with confidence`,
      );
      while (summaries.length < confirmRuns) await runOnce(summaries.length);
      target = judge();
    }
    targets.push(target);
    // Deterministic figures (accessibility, best practices, SEO, CLS) are judged on the median as they are.
    failures.push(...checkLighthouse(run, target.summary, 'deterministic'));
    if (confirmRuns > 0) failures.push(...confidentTimingMisses(run, summaries));
  }
  if (reportDir)
    writeFileSync(
      join(reportDir, 'summary.json'),
      `${JSON.stringify({ origin, repeats, targets, failures }, null, 2)}\n`,
    );
  return { targets, failures };
}

/**
 * Timing limits missed with 95 % confidence: the distribution-free bound on the median of the runs is past the
 * limit (every plausible median misses). Fewer than 5 runs can never be that sure, so they never fail here.
 */
export function confidentTimingMisses(run: LighthouseRunConfig, summaries: readonly LighthouseSummary[]): string[] {
  const failures: string[] = [];
  const check = (name: string, values: number[], limit: number, worse: 'higher' | 'lower') => {
    if (!values.length) return;
    const bounds = medianBounds(values);
    const missed = worse === 'higher' ? bounds.lower > limit : bounds.upper < limit;
    if (!missed) return;
    const shown = (value: number) => (name === 'performance' ? value.toFixed(2) : formatMetric(name, value));
    const judged = medianSummary(summaries);
    const tasks =
      name === 'tbt' && judged.longTaskSources.length ? ` (long tasks from: ${judged.longTaskSources.join(', ')})` : '';
    const lcp = name === 'lcp' && judged.lcpElement ? ` (LCP element: ${judged.lcpElement})` : '';
    failures.push(
      `${run.id}: ${name === 'performance' ? 'performance score' : name.toUpperCase()} misses its limit of ${shown(limit)} with 95 % confidence ` +
        `(runs: ${values.map(shown).join(', ')}; the median is ${worse === 'higher' ? 'at least' : 'at most'} ${shown(worse === 'higher' ? bounds.lower : bounds.upper)})${lcp}${tasks}`,
    );
  };
  const performance = run.minScores.performance;
  if (performance !== undefined)
    check(
      'performance',
      summaries.map((s) => s.scores.performance).filter((v): v is number => v !== undefined),
      performance,
      'lower',
    );
  for (const [metric, limit] of Object.entries(run.maxMetrics)) {
    if (metric === 'cls' || limit === undefined) continue;
    check(
      metric,
      summaries.map((s) => s.metrics[metric as keyof typeof s.metrics]).filter((v): v is number => v !== undefined),
      limit,
      'higher',
    );
  }
  return failures;
}

/**
 * Median of every score and metric; findings and attribution come from the run whose performance score is
 * the median, so the message describes a run that really happened.
 */
export function medianSummary(summaries: readonly LighthouseSummary[]): LighthouseSummary {
  const representative = summaries[medianRunIndex(summaries)];
  if (!representative) throw new Error('medianSummary() needs at least one summary');
  return {
    ...representative,
    scores: medianByKey(summaries.map((summary) => summary.scores)),
    metrics: medianByKey(summaries.map((summary) => summary.metrics)),
  };
}

/** The index of the run whose performance score is the median (the lower middle for an even count). */
export function medianRunIndex(summaries: readonly LighthouseSummary[]): number {
  const order = summaries
    .map((summary, index) => ({ score: summary.scores.performance ?? 0, index }))
    .sort((a, b) => a.score - b.score);
  return order[Math.floor((order.length - 1) / 2)]?.index ?? 0;
}

function describe(summary: LighthouseSummary): string {
  const scores = Object.entries(summary.scores).map(([name, score]) => `${name} ${score.toFixed(2)}`);
  const metrics = Object.entries(summary.metrics).map(
    ([name, value]) => `${name.toUpperCase()} ${formatMetric(name, value)}`,
  );
  const cpu = summary.benchmarkIndex === undefined ? [] : [`CPU benchmark ${Math.round(summary.benchmarkIndex)}`];
  return [...scores, ...metrics, ...cpu].join(', ');
}
