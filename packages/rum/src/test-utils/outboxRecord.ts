import type { StoredBeacon } from '../lib/outbox.js';
import type { Beacon } from '../types.js';

/** An outbox record: beacon `seq` of one page view, with an optional client drop count. */
export const outboxRecord = (seq: number, dropped?: number): StoredBeacon => ({
  url: 'https://app.test/rum/collect',
  beacon: {
    v: 1,
    pageViewId: 'page-view-1',
    seq,
    sentAt: 1,
    ...(dropped ? { dropped } : {}),
    context: { route: '/', deviceClass: 'desktop' },
    events: [{ type: 'custom', name: 'x', value: seq, route: '/', t: 1 }],
  } satisfies Beacon,
});
