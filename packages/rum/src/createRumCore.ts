import type { Metric } from 'web-vitals';
import type { Beacon, Rum, RumEvent, RumOptions, VitalEvent } from './types.js';
import { readContext } from './lib/readContext.js';
import { resolveRoute } from './lib/resolveRoute.js';
import { splitEvents } from './lib/splitEvents.js';
import { postBeacon } from './lib/postBeacon.js';
import { replayOutbox, requestSync } from './lib/replayOutbox.js';
import { forgetBeacon, keepBeacon, openOutbox } from './lib/outbox.js';
import { ignore } from './lib/ignore.js';

/**
 * A web-vitals build wired to a reporter (the standard or the attribution one). INP must be
 * observed with `reportAllChanges: true`: the core holds its latest report until hide.
 * @internal
 */
export type ObserveVitals = (
  report: (metric: Metric, attribution?: Record<string, string | number>) => void,
  opts: { reportSoftNavs: boolean },
) => void;

/** Runs `fn`, giving undefined instead of an exception: app hooks must not break the client. */
const safe = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    // The caller gets undefined and falls back.
  }
};

/** An absolute URL; relative ones are resolved against the page. */
const abs = (href: string | URL): URL => new URL(href, location.href);

/**
 * The React-free RUM client over a given web-vitals build. Apps call `createRum` from
 * `@pronto/rum` or `@pronto/rum/attribution` instead.
 * @internal
 */
export function createRumCore(options: RumOptions, observe: ObserveVitals): Rum {
  const {
    endpoint = '/rum/collect',
    sampleRate = 1,
    appVersion,
    requireConsent = false,
    beforeSend,
    resolveRoute: resolve = resolveRoute,
    measures = true,
    maxEvents = 50,
    maxStored = 50,
  } = options;
  if (!(sampleRate >= 0 && sampleRate <= 1 && maxEvents >= 1 && maxStored >= 1))
    throw TypeError('@pronto/rum: invalid options');

  const url = abs(endpoint).href;
  const pageViewId = Date.now().toString(36) + Math.random().toString(36).slice(2);
  const sampled = Math.random() < sampleRate;
  let active = sampled;
  let consent: boolean | undefined = requireConsent ? undefined : true;
  const queue: RumEvent[] = [];
  let seq = 0;
  // Sends not settled yet. Their copies are in the outbox, so a replay waits until none is left:
  // it would send them a second time.
  let pending = 0;
  // The latest INP report, held until hide (see `observe`).
  let inp: VitalEvent | undefined;

  const routeOf = (href: string | URL): string => safe(() => resolve(abs(href)).slice(0, 256)) || '/';
  let route = routeOf(location.href);

  const push = (event: RumEvent): void => {
    // A scrubber that throws must not let the unscrubbed event through: safe() gives undefined.
    const kept = active && consent !== false && (beforeSend ? safe(() => beforeSend(event)) : event);
    // While consent is pending events wait in memory, up to 1000.
    if (kept && queue.length < 1000 && queue.push(kept) == maxEvents && consent) setTimeout(send);
  };

  /** Empties the queue into beacons that fit the wire limits, numbered in order. */
  const take = (): Beacon[] =>
    splitEvents(queue.splice(0)).map((events) => ({
      v: 1,
      pageViewId,
      seq: seq++,
      sentAt: Date.now(),
      context: readContext(route, appVersion?.slice(0, 64)),
      events,
    }));

  /**
   * Write-ahead delivery: the outbox gets a copy before the request leaves, and loses it when the
   * collector confirms (2xx, or a refusal a resend cannot change). A send that fails, or whose answer
   * never arrives, is replayed at the next load, on `online` or by the service worker;
   * the collector drops a replay of what it already has by (pageViewId, seq). Offline, the request
   * fails at once and the copy waits. The copy and the request start in this task, before any
   * await, even at hide. A document being unloaded never reads the answer, so its copy is always
   * replayed at the next visit: a duplicate when the request arrived, the beacon itself when it
   * did not.
   */
  const sendOne = async (beacon: Beacon): Promise<void> => {
    // Without IndexedDB (private modes, blocked storage) the send is all there is.
    const record = { url, beacon };
    const kept = keepBeacon(record).catch(ignore);
    pending++;
    try {
      // Offline too: the request fails at once (navigator.onLine can be wrong both ways).
      const ok = await postBeacon(record);
      // After the write (IndexedDB runs them in order anyway), so the copy is there to remove.
      await kept;
      await (ok ? forgetBeacon(beacon) : requestSync());
    } catch {
      // The copy stays: replayed later.
    }
    pending--;
  };

  /**
   * At hide, every beacon must leave in this task (no await: the page may be gone before a promise
   * settles). While visible, one at a time: a failure is seen before the next, and keepalive's
   * 64 KB quota holds.
   */
  const send = async (atHide?: boolean): Promise<void> => {
    // web-vitals has just processed the interactions it was waiting on (see `observe`).
    if (atHide && inp) {
      push(inp);
      inp = undefined;
    }
    // Without consent the queue stays in memory (consent pending) or is already empty (refused).
    if (consent)
      try {
        for (const b of take()) {
          const sent = sendOne(b);
          if (!atHide) await sent;
        }
      } catch {
        // Never into the app.
      }
  };

  const track = (name: string, value: number): void => {
    if (name && Number.isFinite(value))
      push({ type: 'custom', name: String(name).slice(0, 64), value, route, t: Date.now() });
  };

  // Two replays at once (tabs, a worker) may send a copy twice: the collector stores it once.
  // Offline the first send fails at once and every copy stays.
  const replay = (): void => {
    if (consent && !pending) replayOutbox(maxStored).catch(ignore);
  };

  // Listeners on window in the bubble phase run after web-vitals' capture listeners, so the
  // metrics it reports on this very event are already queued. After stop() they find nothing to send.
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && send(true));
  // Safari can skip visibilitychange when a tab closes, so pagehide flushes too. It comes first
  // when a document unloads (https://html.spec.whatwg.org/#unload-a-document).
  addEventListener('pagehide', () => send(true));
  addEventListener('online', replay);
  // The outbox opens now: a page closed a moment after it started still writes its copies. The
  // replay waits 5 s: after an unload there are always copies, and their requests must not compete
  // with the page's own loading (a Lighthouse warm load's simulated LCP took 0.5 s longer when they
  // left in the first idle period). (Without consent, both wait for setConsent.)
  if (consent) openOutbox().then(() => setTimeout(replay, 5e3), ignore);

  if (sampled) {
    try {
      observe(
        (m, attribution) => {
          const nav = m.navigationURL ? abs(m.navigationURL) : undefined;
          const event: VitalEvent = {
            type: 'vital',
            name: m.name,
            id: m.id,
            value: m.value,
            delta: m.delta,
            rating: m.rating,
            navigationType: m.navigationType,
            navigationURL: nav?.pathname.slice(0, 2048),
            route: nav ? routeOf(nav) : route,
            t: Date.now(),
            attribution,
          };
          // INP comes with every change (reportAllChanges) and only the latest of each id is sent,
          // at hide, as web-vitals would. Without that, an interaction web-vitals processes in the
          // hide event itself is never reported: its final report runs first and finds nothing.
          if (m.name != 'INP') return push(event);
          // A new id (soft navigation, bfcache restore) closes the previous one.
          if (inp && inp.id != m.id) push(inp);
          inp = event;
        },
        { reportSoftNavs: true },
      );
      if (measures)
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) track(e.name, e.duration);
        }).observe({ type: 'measure', buffered: true });
    } catch {
      // Old browsers without PerformanceObserver types: report what we can.
    }
  }

  return {
    pageViewId,
    sampled,
    track,
    flush: () => send(),
    setConsent(granted) {
      consent = !!granted;
      if (granted) replay();
      else queue.length = 0;
    },
    setRoute(next) {
      route = routeOf(next);
    },
    stop() {
      void send(true);
      active = false;
    },
  };
}
