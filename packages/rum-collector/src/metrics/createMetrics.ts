import { VITAL_NAMES, type Beacon, type VitalName } from '../beacon.js';
import type { RejectReason } from '../parseBeacon.js';
import { THRESHOLDS } from '../thresholds.js';

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Distinct route labels kept; later routes are counted under route="other" to bound cardinality. @default 100 */
  maxRoutes?: number;
}

/** In-memory Prometheus metrics of one collector. */
export interface Metrics {
  received(): void;
  rejected(reason: RejectReason): void;
  stored(beacon: Beacon): void;
  duplicate(): void;
  /** The exposition text (format 0.0.4). */
  render(): string;
}

// Extra boundaries around good/poor give the histogram some shape; good and poor themselves are always present.
const BUCKETS: Record<VitalName, number[]> = {
  LCP: [1, THRESHOLDS.LCP.good / 1000, THRESHOLDS.LCP.poor / 1000, 8],
  INP: [0.1, THRESHOLDS.INP.good / 1000, THRESHOLDS.INP.poor / 1000, 1],
  CLS: [0.05, THRESHOLDS.CLS.good, THRESHOLDS.CLS.poor, 0.5],
  FCP: [1, THRESHOLDS.FCP.good / 1000, THRESHOLDS.FCP.poor / 1000, 6],
  TTFB: [0.4, THRESHOLDS.TTFB.good / 1000, THRESHOLDS.TTFB.poor / 1000, 3.6],
};

/** Metric name of a vital: seconds per Prometheus convention, CLS stays unitless. */
export const vitalMetricName = (name: VitalName): string =>
  name === 'CLS' ? 'pronto_rum_cls' : `pronto_rum_${name.toLowerCase()}_seconds`;

interface Histogram {
  labels: string;
  counts: number[];
  sum: number;
  count: number;
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * Counters and one histogram per vital (labels route, device_class), buckets at the web-vitals good/poor
 * thresholds, so `histogram_quantile(0.75, ...)` and "share under the good threshold" come straight from Prometheus.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const maxRoutes = options.maxRoutes ?? 100;
  const routes = new Set<string>();
  let received = 0;
  let stored = 0;
  let duplicates = 0;
  let events = 0;
  const rejects = new Map<string, number>();
  const histograms = new Map<VitalName, Map<string, Histogram>>(VITAL_NAMES.map((n) => [n, new Map()]));

  const routeLabel = (route: string): string => {
    if (routes.has(route)) return route;
    if (routes.size >= maxRoutes) return 'other';
    routes.add(route);
    return route;
  };

  return {
    received() {
      received += 1;
    },
    rejected(reason) {
      rejects.set(reason, (rejects.get(reason) ?? 0) + 1);
    },
    duplicate() {
      duplicates += 1;
    },
    stored(beacon) {
      stored += 1;
      events += beacon.events.length;
      for (const e of beacon.events) {
        if (e.type !== 'vital') continue;
        const labels = `route="${escapeLabel(routeLabel(e.route))}",device_class="${beacon.context.deviceClass}"`;
        const byLabels = histograms.get(e.name)!;
        let h = byLabels.get(labels);
        if (!h) {
          h = { labels, counts: BUCKETS[e.name].map(() => 0), sum: 0, count: 0 };
          byLabels.set(labels, h);
        }
        const v = e.name === 'CLS' ? e.value : e.value / 1000;
        BUCKETS[e.name].forEach((le, i) => {
          if (v <= le) h.counts[i]! += 1;
        });
        h.sum += v;
        h.count += 1;
      }
    },
    render() {
      const out: string[] = [];
      const counter = (name: string, help: string, value: number) =>
        out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`);
      counter('pronto_rum_beacons_received_total', 'Beacon POSTs received.', received);
      counter('pronto_rum_beacons_stored_total', 'Beacons stored durably.', stored);
      counter('pronto_rum_beacons_duplicate_total', 'Beacons skipped as duplicates of (pageViewId, seq).', duplicates);
      counter('pronto_rum_events_stored_total', 'Events stored durably.', events);
      out.push(
        '# HELP pronto_rum_beacons_rejected_total Beacons refused, by reason.',
        '# TYPE pronto_rum_beacons_rejected_total counter',
      );
      for (const [reason, n] of [...rejects].sort()) out.push(`pronto_rum_beacons_rejected_total{reason="${reason}"} ${n}`);
      for (const name of VITAL_NAMES) {
        const metric = vitalMetricName(name);
        out.push(
          `# HELP ${metric} ${name} of stored beacons${name === 'CLS' ? '' : ' in seconds'}.`,
          `# TYPE ${metric} histogram`,
        );
        for (const h of histograms.get(name)!.values()) {
          BUCKETS[name].forEach((le, i) => out.push(`${metric}_bucket{${h.labels},le="${le}"} ${h.counts[i]}`));
          out.push(`${metric}_bucket{${h.labels},le="+Inf"} ${h.count}`);
          out.push(`${metric}_sum{${h.labels}} ${h.sum}`);
          out.push(`${metric}_count{${h.labels}} ${h.count}`);
        }
      }
      return `${out.join('\n')}\n`;
    },
  };
}
