import type { ReceivedBeacon } from './types.js';

/** One rum_beacons row, in column order. @internal */
export type BeaconRow = [
  pageViewId: string,
  seq: number,
  receivedAt: number,
  sentAt: number,
  dropped: number,
  route: string,
  deviceClass: string,
  connection: string,
  appVersion: string | null,
  body: string,
];

/** One rum_events row, in column order. @internal */
export type EventRow = [
  receivedAt: number,
  pageViewId: string,
  seq: number,
  type: string,
  name: string,
  value: number,
  route: string,
  deviceClass: string,
  connection: string,
  navigationType: string | null,
  target: string | null,
  t: number,
];

/** Column lists matching {@link BeaconRow} and {@link EventRow}. @internal */
export const BEACON_COLUMNS =
  'page_view_id, seq, received_at, sent_at, dropped, route, device_class, connection, app_version, body';
/** @internal */
export const EVENT_COLUMNS =
  'received_at, page_view_id, seq, type, name, value, route, device_class, connection, navigation_type, target, t';

/** Key of the dedupe index. @internal */
export const beaconKey = (pageViewId: string, seq: number | bigint | string): string => `${pageViewId}\u0000${seq}`;

/** Marks, per input beacon, whether it is the stored copy given the keys the database accepted. @internal */
export function markFresh(batch: readonly ReceivedBeacon[], insertedKeys: ReadonlySet<string>): boolean[] {
  const seen = new Set<string>();
  return batch.map(({ beacon }) => {
    const key = beaconKey(beacon.pageViewId, beacon.seq);
    if (seen.has(key) || !insertedKeys.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Flattens a batch into table rows, keeping only the first copy of a (pageViewId, seq) repeated inside the batch
 * (a client retry can land in the same group commit as the original).
 * @internal
 */
export function toRows(batch: readonly ReceivedBeacon[]): {
  beacons: BeaconRow[];
  events: Map<string, EventRow[]>;
  repeats: number;
} {
  const beacons: BeaconRow[] = [];
  const events = new Map<string, EventRow[]>();
  let repeats = 0;
  for (const { beacon: b, receivedAt, json } of batch) {
    const key = beaconKey(b.pageViewId, b.seq);
    if (events.has(key)) {
      repeats += 1;
      continue;
    }
    const connection = b.context.effectiveType ?? 'unknown';
    beacons.push([
      b.pageViewId,
      b.seq,
      receivedAt,
      b.sentAt,
      b.dropped ?? 0,
      b.context.route,
      b.context.deviceClass,
      connection,
      b.context.appVersion ?? null,
      json ?? JSON.stringify(b),
    ]);
    events.set(
      key,
      b.events.map((e) => [
        receivedAt,
        b.pageViewId,
        b.seq,
        e.type,
        e.name,
        e.value,
        e.route,
        b.context.deviceClass,
        connection,
        e.type === 'vital' ? e.navigationType : null,
        e.type === 'vital' && typeof e.attribution?.['target'] === 'string' ? e.attribution['target'] : null,
        e.t,
      ]),
    );
  }
  return { beacons, events, repeats };
}
