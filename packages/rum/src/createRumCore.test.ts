// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import type { Metric } from 'web-vitals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRumCore, type ObserveVitals } from './createRumCore.js';
import { deleteOutbox } from './test-utils/deleteOutbox.js';
import { peekOutbox } from './test-utils/peekOutbox.js';
import { outboxRecord } from './test-utils/outboxRecord.js';
import { keepBeacon } from './lib/outbox.js';
import type { Beacon, Rum, RumEvent, RumOptions } from './types.js';

let report: Parameters<ObserveVitals>[0];
let observeOpts: Parameters<ObserveVitals>[1] | undefined;
const observe: ObserveVitals = (r, o) => {
  report = r;
  observeOpts = o;
};
const clients: Rum[] = [];
const start = (options: RumOptions = {}) => {
  const rum = createRumCore({ measures: false, ...options }, observe);
  clients.push(rum);
  return rum;
};

const metric = (name: Metric['name'], value: number, extra: Partial<Metric> = {}): Metric =>
  ({
    name,
    value,
    delta: value,
    rating: 'good',
    id: `v6-${name}`,
    entries: [],
    navigationType: 'navigate',
    navigationId: 1,
    ...extra,
  }) as Metric;

let fetchMock: ReturnType<typeof vi.fn<(url: string, init: RequestInit) => Promise<Response>>>;
const bodies = (): string[] => fetchMock.mock.calls.map(([, init]) => String(init.body));
const beaconBodies = (): Beacon[] => bodies().map((body) => JSON.parse(body) as Beacon);

// The load-time replay (a 5 s timer) runs when a test says so, so that a client's replay never runs into
// the next case (it would send that case's outbox, as another tab would). Other timers run as usual.
const REPLAY_DELAY_MS = 5000;
const realSetTimeout = globalThis.setTimeout;
let replayQueue: (() => void)[] = [];
/** Runs the load-time replays, once the clients have opened the outbox and set their timers. */
const runReplays = async () => {
  await vi.waitFor(() => expect(replayQueue.length).toBeGreaterThan(0));
  for (const cb of replayQueue.splice(0)) cb();
};

function hide() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

beforeEach(async () => {
  await deleteOutbox();
  replayQueue = [];
  vi.stubGlobal('setTimeout', (cb: () => void, ms?: number) =>
    ms == REPLAY_DELAY_MS ? replayQueue.push(cb) : realSetTimeout(cb, ms),
  );
  window.history.replaceState(null, '', '/items/42?q=secret#top');
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(() =>
    Promise.resolve(new Response(null, { status: 204 })),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  for (const rum of clients.splice(0)) rum.stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createRum core: batching and the wire format', () => {
  it('batches vitals and app values in memory and sends one beacon at hide', () => {
    const rum = start({ appVersion: '1.4.2' });
    report(metric('TTFB', 80, { navigationURL: 'http://localhost:3000/items/42?q=secret#top' }));
    report(metric('FCP', 400));
    rum.track('checkout-ready', 532.1);
    expect(fetchMock).not.toHaveBeenCalled();
    hide();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('http://localhost:3000/rum/collect');
    const [beacon] = beaconBodies();
    expect(beacon).toMatchObject({
      v: 1,
      pageViewId: rum.pageViewId,
      seq: 0,
      context: { route: '/items/:id', appVersion: '1.4.2', deviceClass: 'desktop', deviceMemory: null },
    });
    expect(beacon?.events).toEqual([
      expect.objectContaining({
        type: 'vital',
        name: 'TTFB',
        value: 80,
        navigationType: 'navigate',
        navigationURL: '/items/42',
        route: '/items/:id',
      }),
      expect.objectContaining({ type: 'vital', name: 'FCP', value: 400 }),
      { type: 'custom', name: 'checkout-ready', value: 532.1, route: '/items/:id', t: expect.any(Number) },
    ]);
    expect(JSON.stringify(beacon)).not.toContain('secret');
  });

  it('flushes on pagehide too (Safari may skip visibilitychange) and sends nothing when empty', () => {
    const rum = start();
    window.dispatchEvent(new Event('pagehide'));
    expect(fetchMock).not.toHaveBeenCalled();
    rum.track('a', 1);
    window.dispatchEvent(new Event('pagehide'));
    expect(beaconBodies().map((b) => b.events.length)).toEqual([1]);
  });

  it('asks web-vitals for soft navigations (used where the browser has the API)', () => {
    start();
    expect(observeOpts).toEqual({ reportSoftNavs: true });
  });

  it('numbers every beacon of a page view 0, 1, 2… under one pageViewId (the dedupe key)', () => {
    const rum = start();
    for (let i = 0; i < 3; i++) {
      rum.track('n', i);
      hide();
    }
    const beacons = beaconBodies();
    expect(beacons.map((b) => b.seq)).toEqual([0, 1, 2]);
    expect(new Set(beacons.map((b) => b.pageViewId))).toEqual(new Set([rum.pageViewId]));
    expect(rum.pageViewId).toMatch(/^[\w-]{8,64}$/);
    expect(start().pageViewId).not.toBe(rum.pageViewId);
  });

  it('splits a large batch into beacons under 64 KB with consecutive seq', () => {
    const rum = start({ maxEvents: 10_000, beforeSend: (e) => ({ ...e, route: '/' + 'r'.repeat(250) }) });
    for (let i = 0; i < 700; i++) rum.track(`metric-${i}-${'x'.repeat(40)}`, i);
    hide();
    expect(bodies().length).toBeGreaterThan(2);
    for (const body of bodies()) expect(new Blob([body]).size).toBeLessThanOrEqual(65_536);
    const beacons = beaconBodies();
    expect(beacons.map((b) => b.seq)).toEqual(beacons.map((_, i) => i));
    expect(beacons.flatMap((b) => b.events).map((e) => e.value)).toEqual(Array.from({ length: 700 }, (_, i) => i));
    for (const b of beacons) expect(b.events.length).toBeLessThanOrEqual(500);
  });

  it('keeps every body under 65,536 bytes with the longest context and a later dropped count', () => {
    // JSON writes U+0001 as \u0001: 6 bytes per character, the worst case for capped strings.
    const worst = '\u0001';
    const rum = start({
      maxEvents: 10_000,
      appVersion: worst.repeat(100),
      resolveRoute: () => '/' + worst.repeat(300),
    });
    for (let i = 0; i < 200; i++) rum.track(`m-${i}-${'x'.repeat(60)}`, i);
    hide();
    expect(bodies().length).toBeGreaterThan(2);
    // What the outbox may add before a resend: the largest `dropped` the collector accepts.
    for (const body of bodies())
      expect(new Blob([body.replace(/}$/, ',"dropped":1000000000}')]).size).toBeLessThanOrEqual(65_536);
    expect(beaconBodies().flatMap((b) => b.events)).toHaveLength(200);
  });

  it('sends in the next task once maxEvents are queued, confirmed by fetch', async () => {
    const rum = start({ maxEvents: 3 });
    rum.track('a', 1);
    rum.track('b', 2);
    expect(fetchMock).not.toHaveBeenCalled();
    rum.track('c', 3);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    expect(beaconBodies()[0]?.events).toHaveLength(3);
  });

  it('reports performance.measure user timings as custom events', async () => {
    start({ measures: true });
    performance.measure('hydrate', { start: 0, duration: 12 });
    await vi.waitFor(() => {
      hide();
      expect(beaconBodies().flatMap((b) => b.events)).toContainEqual(
        expect.objectContaining({ type: 'custom', name: 'hydrate', value: 12 }),
      );
    });
  });

  it('ignores invalid app values instead of throwing', () => {
    const rum = start();
    expect(() => {
      rum.track('nan', Number.NaN);
      rum.track('', 1);
      rum.track(undefined as unknown as string, 1);
    }).not.toThrow();
    hide();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects invalid options with a clear TypeError', () => {
    expect(() => start({ sampleRate: 2 })).toThrow(/invalid options/);
    expect(() => start({ maxStored: 0 })).toThrow(TypeError);
  });
});

describe('createRum core: routes', () => {
  it('uses the route at send time for context and the navigation URL for vitals', () => {
    const rum = start();
    report(metric('LCP', 900, { navigationURL: 'http://localhost:3000/items/42' }));
    rum.setRoute('/users/7/orders?tab=open');
    rum.track('after-nav', 1);
    hide();
    const [beacon] = beaconBodies();
    expect(beacon?.context.route).toBe('/users/:id/orders');
    expect(beacon?.events.map((e) => e.route)).toEqual(['/items/:id', '/users/:id/orders']);
  });

  it('takes a resolver from the app', () => {
    const rum = start({ resolveRoute: (url) => (url.pathname.startsWith('/items') ? '/items/[slug]' : url.pathname) });
    rum.track('x', 1);
    hide();
    expect(beaconBodies()[0]?.context.route).toBe('/items/[slug]');
  });
});

describe('createRum core: sampling, consent and scrubbing', () => {
  it('decides sampling once per page view: an unsampled view collects nothing', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.7);
    const out = start({ sampleRate: 0.5 });
    expect(out.sampled).toBe(false);
    report?.(metric('LCP', 1));
    out.track('x', 1);
    hide();
    expect(fetchMock).not.toHaveBeenCalled();

    vi.spyOn(Math, 'random').mockReturnValue(0.2);
    const inView = start({ sampleRate: 0.5 });
    expect(inView.sampled).toBe(true);
    inView.track('x', 1);
    hide();
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('sends and stores nothing before consent, then everything queued once granted', async () => {
    const rum = start({ requireConsent: true });
    rum.track('before', 1);
    hide();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await peekOutbox()).toEqual([]);
    rum.setConsent(true);
    hide();
    expect(beaconBodies()[0]?.events.map((e) => e.name)).toEqual(['before']);
  });

  it('discards queued events when consent is refused, and collects nothing after', () => {
    const rum = start({ requireConsent: true });
    rum.track('before', 1);
    rum.setConsent(false);
    rum.track('after', 1);
    hide();
    rum.setConsent(true);
    hide();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lets beforeSend scrub or drop events; a throwing hook drops the event', () => {
    const rum = start({
      beforeSend: (e) => {
        if (e.name == 'boom') throw new Error('bug in scrubber');
        if (e.name == 'drop-me') return null;
        return { ...e, name: e.name.replace(/\d+/g, 'N') } as RumEvent;
      },
    });
    rum.track('drop-me', 1);
    rum.track('boom', 1);
    rum.track('user-123-loaded', 1);
    hide();
    expect(beaconBodies()[0]?.events.map((e) => e.name)).toEqual(['user-N-loaded']);
  });
});

describe('createRum core: write-ahead delivery', () => {
  it('at hide, sends with fetch keepalive in the same task and writes the beacon ahead', async () => {
    const rum = start();
    rum.track('x', 1);
    hide();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', keepalive: true });
    expect(beaconBodies()[0]).toMatchObject({ pageViewId: rum.pageViewId, seq: 0 });
  });

  it('removes the copy once a 2xx confirms it, leaving other beacons in the outbox', async () => {
    let answer!: (r: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const rum = start();
    rum.track('x', 1);
    hide();
    // Unconfirmed: the copy is there (a closed tab would leave it for the next load).
    await vi.waitFor(async () => expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0]));
    answer(new Response(null, { status: 204 }));
    await vi.waitFor(async () => expect(await peekOutbox()).toEqual([]));
  });

  it('keeps the copy when the send fails at hide, and resends it when back online', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const rum = start();
    rum.track('x', 1);
    hide();
    await vi.waitFor(async () => expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0]));
    // The send has failed: the copy stays.
    await fetchMock.mock.results[0]?.value.catch(() => {});
    await vi.waitFor(async () => expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0]));
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    fetchMock.mockClear();
    window.dispatchEvent(new Event('online'));
    // Clients of earlier cases still listen, as other tabs would: each may resend the copy (the
    // collector stores it once). What matters is that it is resent and then gone.
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(new Set(beaconBodies().map((b) => `${b.pageViewId}:${b.seq}`))).toEqual(new Set([`${rum.pageViewId}:0`]));
    await vi.waitFor(async () => expect(await peekOutbox()).toEqual([]));
  });

  it('keeps a beacon the collector refused with 503 on flush(), and never rejects', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 503 }));
    const rum = start();
    rum.track('x', 1);
    await expect(rum.flush()).resolves.toBeUndefined();
    await vi.waitFor(async () =>
      expect((await peekOutbox()).map((r) => r.url)).toEqual(['http://localhost:3000/rum/collect']),
    );
  });

  it('the page does not replay while its own sends are in flight', async () => {
    let answer!: (r: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const rum = start();
    rum.track('x', 1);
    hide();
    await vi.waitFor(async () => expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0]));
    // The load-time replay runs now, while the send is in flight.
    await runReplays();
    await vi.waitFor(async () => expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0]));
    // Only the page's own send went out: the replay did not resend the beacon in flight.
    expect(beaconBodies().map((b) => [b.pageViewId, b.seq])).toEqual([[rum.pageViewId, 0]]);
    answer(new Response(null, { status: 204 }));
    await vi.waitFor(async () => expect(await peekOutbox()).toEqual([]));
  });

  it('still sends without IndexedDB (private modes, blocked storage), and never rejects', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const rum = start();
    rum.track('x', 1);
    await expect(rum.flush()).resolves.toBeUndefined();
    expect(beaconBodies().map((b) => b.seq)).toEqual([0]);
  });

  it('asks the service worker for a Background Sync only when a send fails', async () => {
    const register = vi.fn<(tag: string) => Promise<void>>(() => Promise.resolve());
    Object.defineProperty(navigator, 'serviceWorker', {
      value: { ready: Promise.resolve({ sync: { register } }) },
      configurable: true,
    });
    const rum = start();
    rum.track('ok', 1);
    await rum.flush();
    fetchMock.mockResolvedValue(new Response(null, { status: 503 }));
    rum.track('fails', 1);
    await rum.flush();
    await vi.waitFor(() => expect(register).toHaveBeenCalledOnce());
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('writes the copy in the pagehide task when the document unloads (no later callback may run)', async () => {
    fetchMock.mockImplementation(() => new Promise(() => {}));
    const rum = start();
    await runReplays();
    // The outbox is open (the replay timer is set once it is).
    await vi.waitFor(async () => expect(await peekOutbox()).toEqual([]));
    rum.track('into-bfcache', 1);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    rum.track('unloading', 1);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(beaconBodies().map((b) => b.events[0]?.name)).toEqual(['into-bfcache', 'unloading']);
    // Both requests are unanswered, as they stay for a document that is gone: both copies wait.
    await vi.waitFor(async () => expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0, 1]));
  });

  it('opens the outbox as it starts (a copy at pagehide needs an open connection), not before consent', () => {
    const open = vi.spyOn(indexedDB, 'open');
    const rum = start({ requireConsent: true });
    expect(open).not.toHaveBeenCalled();
    rum.setConsent(true);
    expect(open).toHaveBeenCalledOnce();
    open.mockClear();
    start();
    // Synchronously, not from a timer.
    expect(open).toHaveBeenCalledOnce();
    open.mockRestore();
  });

  it('replays what an earlier page left 5 s after it starts, not while the page loads', async () => {
    const left = outboxRecord(0);
    await keepBeacon(left);
    start();
    await vi.waitFor(() => expect(replayQueue).toHaveLength(1));
    expect(fetchMock).not.toHaveBeenCalled();
    await runReplays();
    await vi.waitFor(() => expect(beaconBodies()).toEqual([left.beacon]));
    await vi.waitFor(async () => expect(await peekOutbox()).toEqual([]));
  });

  it('flush() resolves after the confirmed copy is gone', async () => {
    const rum = start();
    rum.track('x', 1);
    await rum.flush();
    expect(await peekOutbox()).toEqual([]);
  });

  it('stops listening after stop(), sending what was queued', () => {
    const rum = start();
    rum.track('last', 1);
    rum.stop();
    expect(fetchMock).toHaveBeenCalledOnce();
    rum.track('ignored', 1);
    hide();
    expect(fetchMock).toHaveBeenCalledOnce();
  });
});

describe('createRum core: INP at hide', () => {
  it('holds INP reports and sends only the latest of each id, at hide', () => {
    start();
    report(metric('INP', 120, { id: 'inp-1' }));
    report(metric('INP', 200, { id: 'inp-1' }));
    hide();
    const inp = beaconBodies()
      .flatMap((b) => b.events)
      .filter((e) => e.name == 'INP');
    expect(inp.map((e) => e.value)).toEqual([200]);
  });

  it('sends an interaction web-vitals reports during the hide event itself', () => {
    start();
    // web-vitals' capture listener on window runs before the client's bubble listener.
    addEventListener('visibilitychange', () => report(metric('INP', 96, { id: 'late' })), {
      capture: true,
      once: true,
    });
    hide();
    expect(
      beaconBodies()
        .flatMap((b) => b.events)
        .map((e) => [e.name, e.value]),
    ).toEqual([['INP', 96]]);
  });

  it('closes the previous INP when a new id starts (soft navigation, bfcache restore)', () => {
    start();
    report(metric('INP', 50, { id: 'a' }));
    report(metric('INP', 70, { id: 'b' }));
    hide();
    expect(
      beaconBodies()
        .flatMap((b) => b.events)
        .map((e) => (e.type == 'vital' ? e.id : '')),
    ).toEqual(['a', 'b']);
  });
});
