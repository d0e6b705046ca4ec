import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { medianByKey } from '../lib/median.js';
import type { LighthouseRunConfig } from '../types.js';
import { checkLighthouse, formatMetric } from './checkLighthouse.js';
import { runLighthouse } from './runLighthouse.js';
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
   * Besides the limits, what else makes a target worth re-checking (e.g. a regression against the baseline).
   * A target that fails after fewer than 3 runs is run again up to 3 times and judged on the median, so one run
   * disturbed by a busy machine cannot fail the audit while a real regression still does. @default none
   */
  isSuspect?: (target: LighthouseTargetResult) => boolean;
  /** How many runs a target that misses must have before it is judged (1 = judge at once). @default 3 */
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
}

/** Everything one Lighthouse audit found. `failures` is empty when every assertion holds. */
export interface LighthouseAuditResult {
  targets: LighthouseTargetResult[];
  failures: string[];
}

/** Runs each target `repeats` times, one after the other (parallel runs would skew each other's timings). */
export async function auditLighthouse({ origin, runs, repeats = 1, reportDir, log = console.log, isSuspect, confirmRuns = 3 }: AuditLighthouseOptions): Promise<LighthouseAuditResult> {
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
      // Lighthouse's own advice for its trace errors (NO_NAVSTART, NO_FCP under load) is "run Lighthouse again":
      // one retry, then the error stops the audit with the target named.
      const result = await runLighthouse(options).catch(async (error: unknown) => {
        log(`  ${run.id} #${index + 1}: ${error instanceof Error ? error.message : String(error)}; retrying once`);
        return runLighthouse(options).catch((again: unknown) => {
          throw new Error(`${run.id} (${url}): ${again instanceof Error ? again.message : String(again)}`, { cause: again });
        });
      });
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
      return { id: run.id, route: run.route, formFactor: run.formFactor, warm: run.warm ?? false, summary, samples: summaries.map(({ scores, metrics }) => ({ scores, metrics })) };
    };
    for (let index = 0; index < repeats; index += 1) await runOnce(index);
    let target = judge();
    if (summaries.length < confirmRuns && (checkLighthouse(run, target.summary).length > 0 || isSuspect?.(target))) {
      log(`  ${run.id}: a limit or the baseline is missed; confirming with the median of ${confirmRuns} runs`);
      while (summaries.length < confirmRuns) await runOnce(summaries.length);
      target = judge();
    }
    targets.push(target);
    failures.push(...checkLighthouse(run, target.summary));
  }
  if (reportDir) writeFileSync(join(reportDir, 'summary.json'), `${JSON.stringify({ origin, repeats, targets, failures }, null, 2)}\n`);
  return { targets, failures };
}

/**
 * Median of every score and metric; findings and attribution come from the run whose performance score is
 * the median, so the message describes a run that really happened.
 */
export function medianSummary(summaries: readonly LighthouseSummary[]): LighthouseSummary {
  const byPerformance = [...summaries].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  const representative = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
  if (!representative) throw new Error('medianSummary() needs at least one summary');
  return {
    ...representative,
    scores: medianByKey(summaries.map((summary) => summary.scores)),
    metrics: medianByKey(summaries.map((summary) => summary.metrics)),
  };
}

function describe(summary: LighthouseSummary): string {
  const scores = Object.entries(summary.scores).map(([name, score]) => `${name} ${score.toFixed(2)}`);
  const metrics = Object.entries(summary.metrics).map(([name, value]) => `${name.toUpperCase()} ${formatMetric(name, value)}`);
  const cpu = summary.benchmarkIndex === undefined ? [] : [`CPU benchmark ${Math.round(summary.benchmarkIndex)}`];
  return [...scores, ...metrics, ...cpu].join(', ');
}
