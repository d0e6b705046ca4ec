import { describe, expect, it } from 'vitest';
import type { RumEvent } from '../types.js';
import { splitEvents } from './splitEvents.js';

const event = (i: number, pad = 0): RumEvent => ({
  type: 'custom',
  name: `e${i}`,
  value: i,
  route: '/' + 'x'.repeat(pad),
  t: 1,
});
const bytes = (events: RumEvent[]) => new Blob([JSON.stringify(events)]).size;

describe('splitEvents', () => {
  it('keeps a group that fits whole', () => {
    const events = [event(1), event(2)];
    expect(splitEvents(events)).toEqual([events]);
  });

  it('returns no group for no events', () => {
    expect(splitEvents([])).toEqual([]);
  });

  it('splits ~200 KB into groups of at most 63,000 bytes, in order, losing nothing', () => {
    const events = Array.from({ length: 400 }, (_, i) => event(i, 500));
    const groups = splitEvents(events);
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const g of groups) expect(bytes(g)).toBeLessThanOrEqual(63_000);
    expect(groups.flat()).toEqual(events);
  });

  it('splits by count too (500 events per beacon), and sends an event that can never fit alone', () => {
    const events = Array.from({ length: 1001 }, (_, i) => event(i));
    expect(splitEvents(events).map((g) => g.length)).toEqual([500, 250, 251]);
    const huge = [event(0, 70_000), event(1, 70_000), event(2)];
    expect(splitEvents(huge).map((g) => g.length)).toEqual([1, 1, 1]);
  });

  it('counts bytes, not characters: multi-byte text splits earlier', () => {
    const wide = Array.from({ length: 100 }, (_, i) => ({ ...event(i), route: '/' + 'é'.repeat(400) }));
    for (const g of splitEvents(wide)) expect(bytes(g)).toBeLessThanOrEqual(63_000);
    expect(splitEvents(wide).length).toBeGreaterThan(1);
  });
});
