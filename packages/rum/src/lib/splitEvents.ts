import type { RumEvent } from '../types.js';

/**
 * Splits events into groups for which `fits(group)` holds, halving until each fits; the order is
 * kept so `seq` follows time. A single event that still does not fit goes alone.
 * @internal
 */
export function splitEvents(events: RumEvent[], fits: (group: RumEvent[]) => boolean): RumEvent[][] {
  if (events.length < 2 || fits(events)) return events.length ? [events] : [];
  const half = events.length >> 1;
  return [...splitEvents(events.slice(0, half), fits), ...splitEvents(events.slice(half), fits)];
}
