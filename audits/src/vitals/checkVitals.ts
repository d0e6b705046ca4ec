import type { VitalsLimits } from '../types.js';
import type { VitalsResult } from './types.js';

const labels: Record<keyof VitalsLimits, string> = {
  lcp: 'LCP',
  fcp: 'FCP',
  cls: 'CLS',
  inp: 'INP',
  ttfb: 'TTFB',
  blockingTime: 'blocking time (sum of long tasks over 50 ms)',
  longestTask: 'longest task',
};

/** Every limit the scenario misses, with the attribution that explains it; a missing figure is a failure too. */
export function checkVitals(scenario: string, result: VitalsResult, limits: VitalsLimits): string[] {
  const failures: string[] = [];
  for (const [name, limit] of Object.entries(limits) as [keyof VitalsLimits, number][]) {
    const value = result[name];
    if (value === undefined) {
      failures.push(`${scenario}: ${labels[name]} was not reported`);
      continue;
    }
    if (value <= limit) continue;
    const shown = name === 'cls' ? `${value.toFixed(3)} > ${limit}` : `${Math.round(value)} ms > ${limit} ms`;
    failures.push(`${scenario}: ${labels[name]} ${shown}${why(name, result)}`);
  }
  return failures;
}

function why(name: keyof VitalsLimits, { attribution }: VitalsResult): string {
  if (name === 'lcp' && attribution.lcpElement) return ` (LCP element: ${attribution.lcpElement})`;
  if (name === 'cls' && attribution.largestShift) return ` (largest shift: ${attribution.largestShift.target})`;
  if (name === 'inp' && attribution.slowestInteraction) {
    const slowest = attribution.slowestInteraction;
    return ` (slowest: ${slowest.type} on ${slowest.target}${slowest.longestScript ? `, script ${slowest.longestScript}` : ''})`;
  }
  if ((name === 'blockingTime' || name === 'longestTask') && attribution.longFrameScripts.length) {
    return ` (scripts: ${attribution.longFrameScripts.join('; ')})`;
  }
  return '';
}
