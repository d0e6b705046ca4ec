import type { CategoryId, LighthouseMetrics, LighthouseRunConfig } from '../types.js';
import type { LighthouseSummary } from './summarizeLhr.js';

const metricNames: Record<keyof LighthouseMetrics, string> = {
  fcp: 'First Contentful Paint',
  lcp: 'Largest Contentful Paint',
  tbt: 'Total Blocking Time',
  cls: 'Cumulative Layout Shift',
  si: 'Speed Index',
};

/** Formats a metric in its unit: ms for timings, 3 decimals for CLS. */
export function formatMetric(name: keyof LighthouseMetrics | string, value: number): string {
  return name === 'cls' ? value.toFixed(3) : `${Math.round(value)} ms`;
}

/** Which limits a check covers: the deterministic ones, the timing ones (performance score, FCP, LCP, TBT, SI), or both. */
export type LimitKind = 'deterministic' | 'timing' | 'all';

/** Whether a limit is a timing (moves with the machine) rather than a deterministic figure. */
export function isTimingLimit(name: string): boolean {
  return name === 'performance' || (name !== 'cls' && name in metricNames);
}

/**
 * Every assertion of one run that the measured summary misses, as sentences that name the figure, the
 * limit and, for a category score, the audits that cost the points (so the fix is obvious from CI's log).
 * `kind` picks the limits: timings are judged with confidence over several runs (see auditLighthouse.ts).
 */
export function checkLighthouse(
  run: Pick<LighthouseRunConfig, 'id' | 'minScores' | 'maxMetrics'>,
  summary: LighthouseSummary,
  kind: LimitKind = 'all',
): string[] {
  const failures: string[] = [];
  const wanted = (name: string) => kind === 'all' || (kind === 'timing') === isTimingLimit(name);
  for (const [category, minimum] of Object.entries(run.minScores) as [CategoryId, number][]) {
    if (!wanted(category)) continue;
    const score = summary.scores[category];
    if (score === undefined) {
      failures.push(`${run.id}: ${category} was not measured (is the category in the run?)`);
      continue;
    }
    if (score >= minimum) continue;
    const culprits = (summary.findings[category] ?? []).slice(0, 4).map((finding) => {
      const where = finding.items.length ? ` at ${finding.items.slice(0, 2).join(', ')}` : '';
      return `"${finding.title}" [${finding.id}] ${finding.displayValue ?? `score ${finding.score}`}${where}`;
    });
    failures.push(
      `${run.id}: ${category} score ${score.toFixed(2)} is below ${minimum.toFixed(2)}` +
        (culprits.length ? `; failing audits: ${culprits.join('; ')}` : ''),
    );
  }
  for (const [metric, limit] of Object.entries(run.maxMetrics) as [keyof LighthouseMetrics, number][]) {
    if (!wanted(metric)) continue;
    const value = summary.metrics[metric];
    if (value === undefined) {
      failures.push(`${run.id}: ${metricNames[metric]} was not measured`);
      continue;
    }
    if (value <= limit) continue;
    const lcp = metric === 'lcp' && summary.lcpElement ? ` (LCP element: ${summary.lcpElement})` : '';
    const shift = metric === 'cls' ? shiftCulprits(summary) : '';
    const tasks =
      metric === 'tbt' && summary.longTaskSources.length
        ? ` (long tasks from: ${summary.longTaskSources.join(', ')})`
        : '';
    failures.push(
      `${run.id}: ${metricNames[metric]} ${formatMetric(metric, value)} is over its limit of ${formatMetric(metric, limit)}${lcp}${shift}${tasks}`,
    );
  }
  return failures;
}

function shiftCulprits(summary: LighthouseSummary): string {
  return summary.shiftElements.length ? ` (shifted: ${summary.shiftElements.slice(0, 2).join(', ')})` : '';
}
