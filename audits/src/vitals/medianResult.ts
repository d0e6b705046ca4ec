import { median } from '../lib/median.js';
import type { VitalsResult } from './types.js';

const numeric = ['lcp', 'fcp', 'cls', 'inp', 'ttfb', 'blockingTime', 'longestTask', 'longTaskCount'] as const;

/**
 * Per-figure median of several runs of one scenario; attribution comes from the run closest to the median
 * LCP (or INP when there is one), so it explains a run that happened.
 */
export function medianResult(results: readonly VitalsResult[]): VitalsResult {
  const first = results[0];
  if (!first) throw new Error('medianResult() needs at least one result');
  const key = first.inp !== undefined ? 'inp' : 'lcp';
  const sorted = [...results].sort((a, b) => (a[key] ?? 0) - (b[key] ?? 0));
  const out: VitalsResult = { ...sorted[Math.floor((sorted.length - 1) / 2)]! };
  for (const name of numeric) {
    const values = results.map((result) => result[name]).filter((value): value is number => typeof value === 'number');
    if (values.length) out[name] = median(values);
  }
  return out;
}
