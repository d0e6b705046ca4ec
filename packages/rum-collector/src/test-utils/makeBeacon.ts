import type { Beacon, BeaconEvent, VitalName } from '../beacon.js';
import { rate } from '../thresholds.js';

let counter = 0;

/** A fresh valid page-view id. */
export const newPageViewId = (): string => `pv_${Date.now().toString(36)}_${(counter++).toString(36).padStart(4, '0')}`;

/** A valid vital event. */
export function vital(
  name: VitalName,
  value: number,
  extra: Partial<Extract<BeaconEvent, { type: 'vital' }>> = {},
): BeaconEvent {
  return {
    type: 'vital',
    name,
    id: `v5-${name}-${counter++}`,
    value,
    delta: value,
    rating: rate(name, value),
    navigationType: 'navigate',
    route: '/items/:id',
    t: 1_763_900_000_000,
    ...extra,
  };
}

/** A valid beacon (wire format v1) with overrides. */
export function makeBeacon(overrides: Partial<Beacon> = {}): Beacon {
  return {
    v: 1,
    pageViewId: newPageViewId(),
    seq: 0,
    sentAt: 1_763_900_000_000,
    context: { route: '/items/:id', deviceClass: 'mobile', effectiveType: '4g' },
    events: [vital('LCP', 1234.5, { attribution: { target: 'main > img.hero' } })],
    ...overrides,
  };
}
