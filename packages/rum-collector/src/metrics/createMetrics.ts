import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { VITAL_NAMES, type Beacon, type VitalName } from '../beacon.js';
import type { RejectReason } from '../parseBeacon.js';
import { THRESHOLDS } from '../thresholds.js';

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Distinct route labels kept; later routes are counted under route="other" to bound cardinality. @default 100 */
  maxRoutes?: number;
  /**
   * The prom-client registry to register into. Pass the host app's own so that one `/metrics` serves both (and
   * set `metricsPath: false` on the collector). @default a new Registry
   */
  registry?: Registry;
  /**
   * Also collect Node's process and event-loop metrics (prom-client's defaults: CPU, memory, handles, event-loop
   * lag, GC) in the registry. @default true with a registry of our own; false with a given one (its owner decides)
   */
  defaultMetrics?: boolean;
}

/** Prometheus metrics of one collector, on prom-client. */
export interface Metrics {
  received(): void;
  rejected(reason: RejectReason): void;
  stored(beacon: Beacon): void;
  duplicate(): void;
  /** One group commit to the store finished (or failed) after `seconds`. */
  committed(seconds: number): void;
  /** Where the metrics are registered. */
  readonly registry: Registry;
  /** The exposition text, in the registry's content type. */
  render(): Promise<string>;
}

// Extra boundaries around good/poor give the histogram some shape; good and poor themselves are always present.
const BUCKETS: Record<VitalName, number[]> = {
  LCP: [1, THRESHOLDS.LCP.good / 1000, THRESHOLDS.LCP.poor / 1000, 8],
  INP: [0.1, THRESHOLDS.INP.good / 1000, THRESHOLDS.INP.poor / 1000, 1],
  CLS: [0.05, THRESHOLDS.CLS.good, THRESHOLDS.CLS.poor, 0.5],
  FCP: [1, THRESHOLDS.FCP.good / 1000, THRESHOLDS.FCP.poor / 1000, 6],
  TTFB: [0.4, THRESHOLDS.TTFB.good / 1000, THRESHOLDS.TTFB.poor / 1000, 3.6],
};

// A journal append is a write + fdatasync (ms); a PostgreSQL or ClickHouse commit adds a round trip.
const COMMIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Metric name of a vital: seconds per Prometheus convention, CLS stays unitless. */
export const vitalMetricName = (name: VitalName): string =>
  name === 'CLS' ? 'pronto_rum_cls' : `pronto_rum_${name.toLowerCase()}_seconds`;

/**
 * Counters, one histogram per vital (labels route, device_class) with buckets at the web-vitals good/poor
 * thresholds, so `histogram_quantile(0.75, ...)` and "share under the good threshold" come straight from
 * Prometheus, and a histogram of ingest commit latency.
 */
export function createMetrics({
  maxRoutes = 100,
  registry,
  defaultMetrics = registry === undefined,
}: MetricsOptions = {}): Metrics {
  const register = registry ?? new Registry();
  const registers = [register];
  if (defaultMetrics) collectDefaultMetrics({ register });
  const counter = (name: string, help: string) => new Counter({ name, help, registers });
  const received = counter('pronto_rum_beacons_received_total', 'Beacon POSTs received.');
  const stored = counter('pronto_rum_beacons_stored_total', 'Beacons stored durably.');
  const duplicates = counter(
    'pronto_rum_beacons_duplicate_total',
    'Beacons skipped as duplicates of (pageViewId, seq).',
  );
  const events = counter('pronto_rum_events_stored_total', 'Events stored durably.');
  const rejected = new Counter({
    name: 'pronto_rum_beacons_rejected_total',
    help: 'Beacons refused, by reason.',
    labelNames: ['reason'],
    registers,
  });
  const commits = new Histogram({
    name: 'pronto_rum_ingest_commit_seconds',
    help: 'Time of one group commit to the store (what an answer waits for).',
    buckets: COMMIT_BUCKETS,
    registers,
  });
  const vitals = new Map(
    VITAL_NAMES.map((name) => [
      name,
      new Histogram({
        name: vitalMetricName(name),
        help: `${name} of stored beacons${name === 'CLS' ? '' : ' in seconds'}.`,
        labelNames: ['route', 'device_class'],
        buckets: BUCKETS[name],
        registers,
      }),
    ]),
  );

  const routes = new Set<string>();
  const routeLabel = (route: string): string => {
    if (routes.has(route)) return route;
    if (routes.size >= maxRoutes) return 'other';
    routes.add(route);
    return route;
  };

  return {
    registry: register,
    received: () => received.inc(),
    rejected: (reason) => rejected.inc({ reason }),
    duplicate: () => duplicates.inc(),
    committed: (seconds) => commits.observe(seconds),
    stored(beacon) {
      stored.inc();
      events.inc(beacon.events.length);
      for (const event of beacon.events) {
        if (event.type !== 'vital') continue;
        const value = event.name === 'CLS' ? event.value : event.value / 1000;
        vitals
          .get(event.name)!
          .observe({ route: routeLabel(event.route), device_class: beacon.context.deviceClass }, value);
      }
    },
    render: () => register.metrics(),
  };
}
