import type { PercentileQuery, PercentileRow } from '../storage/types.js';
import type { Budget, BudgetConfig } from './readBudgetConfig.js';

/** Outcome of one budget on one route. */
export interface BudgetResult {
  route: string;
  metric: Budget['metric'];
  deviceClass: string;
  p75: number | null;
  budget: number;
  samples: number;
  status: 'pass' | 'fail' | 'no-data';
}

/** Where p75 values come from: the storage directly or a running collector's API. */
export type PercentileSource = (query: PercentileQuery) => Promise<PercentileRow[]>;

/** Checks every budget over [from, to); a route with fewer than minSamples samples is "no-data", not a failure. */
export async function evaluateBudgets(
  config: BudgetConfig,
  source: PercentileSource,
  window: { from: number; to: number },
): Promise<BudgetResult[]> {
  const minSamples = config.minSamples ?? 20;
  const results: BudgetResult[] = [];
  for (const budget of config.budgets) {
    const query: PercentileQuery = { ...window, metric: budget.metric, groupBy: ['route'] };
    if (budget.route !== '*') query.route = budget.route;
    if (budget.deviceClass) query.deviceClass = budget.deviceClass;
    const rows = await source(query);
    const routes = budget.route === '*' ? rows : [rows[0] ?? null];
    for (const row of routes) {
      const samples = row?.count ?? 0;
      const p75 = row && samples > 0 ? row.p75 : null;
      results.push({
        route: row?.route ?? budget.route,
        metric: budget.metric,
        deviceClass: budget.deviceClass ?? 'all',
        p75,
        budget: budget.p75,
        samples,
        status: p75 === null || samples < minSamples ? 'no-data' : p75 > budget.p75 ? 'fail' : 'pass',
      });
    }
  }
  return results;
}

const fmt = (metric: string, v: number | null): string =>
  v === null ? '-' : metric === 'CLS' ? v.toFixed(3) : `${Math.round(v)} ms`;

/** A plain-text table, failures first. */
export function formatBudgetTable(results: readonly BudgetResult[]): string {
  const order = { fail: 0, 'no-data': 1, pass: 2 };
  const rows = [...results]
    .sort((a, b) => order[a.status] - order[b.status] || a.route.localeCompare(b.route))
    .map((r) => [
      r.status.toUpperCase(),
      r.route,
      r.metric,
      r.deviceClass,
      fmt(r.metric, r.p75),
      fmt(r.metric, r.budget),
      String(r.samples),
    ]);
  const header = ['STATUS', 'ROUTE', 'METRIC', 'DEVICE', 'P75', 'BUDGET', 'SAMPLES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const failed = results.filter((r) => r.status === 'fail').length;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    failed === 0 ? `All ${results.length} budgets pass.` : `${failed} of ${results.length} budgets FAILED.`,
  ].join('\n');
}
