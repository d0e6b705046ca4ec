import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import { createRumCore } from './createRumCore.js';
import type { Rum, RumOptions } from './types.js';

/**
 * Starts real-user monitoring for this page view: Web Vitals (web-vitals standard build), user
 * timings and `track()` values, batched and sent at hide, kept in IndexedDB when sending fails.
 * Throws a TypeError only for invalid options; the returned methods never throw.
 *
 * @example
 * const rum = createRum({ appVersion: '1.4.2' });
 * rum.track('checkout-ready', performance.now());
 */
export function createRum(options: RumOptions = {}): Rum {
  return createRumCore(options, (report, opts) => {
    for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB])
      on(report, on == onINP ? { ...opts, reportAllChanges: true } : opts);
  });
}
