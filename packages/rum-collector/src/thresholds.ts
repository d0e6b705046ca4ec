import type { VitalName } from './beacon.js';

/** Good / poor boundaries of one vital: good when `value <= good`, poor when `value > poor`. */
export interface Threshold {
  good: number;
  poor: number;
}

/**
 * The web-vitals thresholds (https://web.dev/articles/vitals), in ms except CLS (unitless).
 * The collector rates samples itself with these rather than trusting the client's `rating`.
 */
export const THRESHOLDS: Readonly<Record<VitalName, Threshold>> = {
  LCP: { good: 2500, poor: 4000 },
  INP: { good: 200, poor: 500 },
  CLS: { good: 0.1, poor: 0.25 },
  FCP: { good: 1800, poor: 3000 },
  TTFB: { good: 800, poor: 1800 },
};

/** Rates a value of a vital with the web-vitals thresholds. */
export function rate(name: VitalName, value: number): 'good' | 'needs-improvement' | 'poor' {
  const t = THRESHOLDS[name];
  if (value <= t.good) return 'good';
  return value <= t.poor ? 'needs-improvement' : 'poor';
}
