import type { Threshold, VitalName } from '../../src/index.js';

/** Rating of a p75 at the web-vitals thresholds. */
export function ratingOf(t: Threshold, value: number): 'good' | 'ni' | 'poor' {
  if (value <= t.good) return 'good';
  return value <= t.poor ? 'ni' : 'poor';
}

/** "1.23 s" / "180 ms" / "0.052" (CLS). */
export function formatValue(metric: VitalName, value: number): string {
  if (metric === 'CLS') return value.toFixed(3);
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

/** "12.3%" */
export const percent = (part: number, whole: number): string =>
  whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;

/**
 * A time-axis label for `seconds` (uPlot's time unit) on a chart spanning `spanMs`: the time of day up to two
 * days, the date beyond. 24-hour clock, so labels keep one width.
 */
export function formatTimeTick(seconds: number, spanMs: number, locale?: string): string {
  const date = new Date(seconds * 1000);
  return spanMs <= 2 * 86_400_000
    ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
    : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date);
}
