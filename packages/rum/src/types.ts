/** The five Core/Web Vitals that web-vitals reports. */
export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';

/** How the page view (or soft navigation) a metric belongs to started; web-vitals' `navigationType`. */
export type NavigationType =
  'navigate' | 'reload' | 'back-forward' | 'back-forward-cache' | 'prerender' | 'restore' | 'soft-navigation';

/** One web-vitals metric report, as it travels in a beacon. */
export interface VitalEvent {
  type: 'vital';
  name: VitalName;
  /** web-vitals metric id: the same id with a larger `value` supersedes an earlier report. */
  id: string;
  /** Milliseconds; CLS is unitless. */
  value: number;
  delta: number;
  rating: 'good' | 'needs-improvement' | 'poor';
  navigationType: NavigationType;
  /** Path of the navigation the metric belongs to, without query or hash. */
  navigationURL?: string | undefined;
  /** Route template of the page the metric belongs to. */
  route: string;
  /** Client epoch ms when the metric was recorded. */
  t: number;
  /** Only from `@pronto/rum/attribution`: flat diagnostics, `target` is a CSS selector. */
  attribution?: Record<string, string | number> | undefined;
}

/** An app value or a `performance.measure` user timing. */
export interface CustomEvent {
  type: 'custom';
  name: string;
  value: number;
  route: string;
  t: number;
}

/** Anything a beacon carries. */
export type RumEvent = VitalEvent | CustomEvent;

/**
 * Device and network context, read when a beacon is built. (Named as the collector names it; the
 * React context that `RumProvider` fills is a different thing.)
 */
export interface BeaconContext {
  /** Route template at send time. */
  route: string;
  appVersion?: string | undefined;
  deviceClass: 'mobile' | 'tablet' | 'desktop';
  effectiveType?: 'slow-2g' | '2g' | '3g' | '4g' | 'unknown' | undefined;
  /** GB (Device Memory API), `null` where the browser hides it. */
  deviceMemory?: number | null | undefined;
  saveData?: boolean | undefined;
}

/** One POST body: wire format version 1 (see the README). */
export interface Beacon {
  v: 1;
  pageViewId: string;
  /** 0, 1, 2… for every beacon of the page view, splits included: gaps mean loss. */
  seq: number;
  sentAt: number;
  /** Beacons discarded on this device (outbox bound) since the last one that carried the count. */
  dropped?: number | undefined;
  context: BeaconContext;
  events: RumEvent[];
}

/** Options of {@link createRum}. Everything is optional. */
export interface RumOptions {
  /**
   * Where beacons are POSTed (any URL; relative to the page).
   * @default '/rum/collect'
   */
  endpoint?: string;
  /**
   * Share of page views that report, 0..1, decided once per page view.
   * @default 1
   */
  sampleRate?: number;
  /** Your app's version, sent in every beacon's context (<= 64 chars). @default undefined */
  appVersion?: string;
  /**
   * When true, nothing is sent or stored until `setConsent(true)`; events wait in memory.
   * @default false
   */
  requireConsent?: boolean;
  /**
   * Called with every event before it is queued: return it (changed or not) to keep it,
   * `null`/`undefined`/`false` to drop it. An exception drops the event.
   * @default undefined
   */
  beforeSend?: (event: RumEvent) => RumEvent | null | undefined | false;
  /**
   * Turns a page URL into a route template such as `/items/:id`. The default is the exported
   * `resolveRoute`: the path only (no query, no hash) with id-like segments (numbers, tokens of 8+
   * characters that contain a digit, anything with an @) collapsed to `:id`. To keep ids:
   * `(url) => url.pathname`.
   * @default resolveRoute
   */
  resolveRoute?: (url: URL) => string;
  /**
   * Report `performance.measure()` user timings as custom events (name, duration).
   * @default true
   */
  measures?: boolean;
  /**
   * Queued events that trigger a send in the next task (otherwise everything goes at hide).
   * @default 50
   */
  maxEvents?: number;
  /**
   * Beacons kept in IndexedDB while the collector or network is unreachable; the oldest go first
   * and are counted in the next beacon's `dropped`.
   * @default 50
   */
  maxStored?: number;
}

/** What {@link createRum} returns. No method ever throws. */
export interface Rum {
  /** Random id of this page view (stays the same across bfcache restores). */
  readonly pageViewId: string;
  /** Whether this page view was sampled in; if not, nothing is collected. */
  readonly sampled: boolean;
  /** Report an app value (finite number) as a custom event on the current route. */
  track(name: string, value: number): void;
  /**
   * Send what is queued now, confirmed by the collector's response; failures go to the outbox.
   * Resolves when done; never rejects.
   */
  flush(): Promise<void>;
  /** Grant (true) or refuse (false: queued events are discarded) consent. */
  setConsent(granted: boolean): void;
  /** Tell the RUM about an SPA route change (URL or path); later events use its route. */
  setRoute(url: string | URL): void;
  /** Send what is queued (as at hide) and stop collecting. */
  stop(): void;
}
