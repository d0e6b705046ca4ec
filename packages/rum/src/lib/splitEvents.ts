import type { RumEvent } from '../types.js';

/**
 * Splits events into groups that fit a beacon: at most 500 events (the wire limit) taking at most
 * 63,000 bytes as JSON. The rest of a beacon (capped strings, numbers, a later `dropped`) stays
 * under 2,300 bytes even when every character needs a \u escape, so each body fits in 65,536.
 * Halves until each group fits, keeping the order so `seq` follows time; a single event that still
 * does not fit goes alone.
 * @internal
 */
export function splitEvents(events: RumEvent[]): RumEvent[][] {
  if (events.length < 2 || (events.length <= 500 && new Blob([JSON.stringify(events)]).size <= 63_000))
    return events.length ? [events] : [];
  const half = events.length >> 1;
  return [...splitEvents(events.slice(0, half)), ...splitEvents(events.slice(half))];
}
