import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricWithAttribution } from 'web-vitals/attribution';
import { createRumCore } from './createRumCore.js';
import { flattenAttribution } from './lib/flattenAttribution.js';
import type { Rum, RumOptions } from './types.js';

/**
 * `createRum` over web-vitals' attribution build: every vital event also carries `attribution`
 * (the LCP element, INP interaction target or largest layout shift as `target`, plus timings).
 * Costs about 2.3 kB brotli more than the default entry (mostly web-vitals' attribution build).
 */
export function createRum(options: RumOptions = {}): Rum {
  return createRumCore(options, (report, opts) => {
    const withAttribution = (m: MetricWithAttribution) => report(m, flattenAttribution(m.attribution));
    for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB])
      on(withAttribution, on == onINP ? { ...opts, reportAllChanges: true } : opts);
  });
}
