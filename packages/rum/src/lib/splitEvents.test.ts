import { describe, expect, it } from 'vitest';
import type { RumEvent } from '../types.js';
import { splitEvents } from './splitEvents.js';

const event = (i: number, pad = 0): RumEvent => ({ type: 'custom', name: `e${i}`, value: i, route: '/' + 'x'.repeat(pad), t: 1 });
const bytes = (events: RumEvent[]) => new Blob([JSON.stringify(events)]).size;

describe('splitEvents', () => {
  it('keeps a group that fits whole', () => {
    const events = [event(1), event(2)];
    expect(splitEvents(events, () => true)).toEqual([events]);
  });

  it('returns no group for no events', () => {
    expect(splitEvents([], () => true)).toEqual([]);
  });

  it('splits ~200 KB into groups under 64 KB, in order, losing nothing', () => {
    const events = Array.from({ length: 400 }, (_, i) => event(i, 500));
    const groups = splitEvents(events, (g) => bytes(g) <= 65_536);
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const g of groups) expect(bytes(g)).toBeLessThanOrEqual(65_536);
    expect(groups.flat()).toEqual(events);
  });

  it('splits by count too, and sends an event that can never fit alone', () => {
    const events = Array.from({ length: 5 }, (_, i) => event(i));
    expect(splitEvents(events, (g) => g.length <= 2).map((g) => g.length)).toEqual([2, 1, 2]);
    expect(splitEvents(events, () => false)).toHaveLength(5);
  });
});
