import { describe, expect, it } from 'vitest';
import { makeBeacon, vital } from './test-utils/makeBeacon.js';
import { parseBeacon } from './parseBeacon.js';
import { validateBeacon } from './validateBeacon.js';

const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('validateBeacon', () => {
  it('accepts the documented example, custom events and optional fields', () => {
    const beacon = makeBeacon({
      dropped: 2,
      context: {
        route: '/cart',
        appVersion: '1.4.2',
        deviceClass: 'desktop',
        effectiveType: 'unknown',
        deviceMemory: null,
        saveData: true,
      },
      events: [
        vital('CLS', 0.02, { navigationURL: '/items/42' }),
        { type: 'custom', name: 'checkout-ready', value: 532.1, route: '/cart', t: 1 },
      ],
    });
    expect(validateBeacon(beacon)).toEqual({ ok: true, beacon });
  });

  it.each([
    ['unknown top-level field', { extra: 1 }, 'beacon has unknown field "extra"'],
    ['wrong version', { v: 2 }, '/v must be equal to constant'],
    ['short pageViewId', { pageViewId: 'abc' }, '/pageViewId must match pattern'],
    ['negative seq', { seq: -1 }, '/seq must be >= 0'],
    ['fractional seq', { seq: 1.5 }, '/seq must be integer'],
    ['no events', { events: [] }, '/events must NOT have fewer than 1 items'],
    [
      'bad device',
      { context: { route: '/', deviceClass: 'watch' } },
      '/context/deviceClass must be one of "mobile", "tablet", "desktop"',
    ],
    [
      'long route',
      { context: { route: `/${'a'.repeat(256)}`, deviceClass: 'mobile' } },
      '/context/route must NOT have more than 256 characters',
    ],
  ])('rejects %s with a clear reason', (_, patch, reason) => {
    const result = validateBeacon({ ...makeBeacon(), ...patch });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(reason);
  });

  it('rejects bad events: unknown vital, negative value, long target, unknown event field', () => {
    const bad = [
      { ...vital('LCP', 1), name: 'FID' },
      vital('LCP', -1),
      vital('INP', 10, { attribution: { target: 'x'.repeat(513) } }),
      { ...vital('LCP', 1), foo: 1 },
      { type: 'other', name: 'x' },
    ];
    for (const event of bad) expect(validateBeacon(makeBeacon({ events: [event as never] })).ok).toBe(false);
  });

  it('rejects Infinity from a huge JSON number', () => {
    const text = JSON.stringify(makeBeacon()).replace('"sentAt":1763900000000', '"sentAt":1e400');
    const result = parseBeacon(bytes(text));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_beacon' });
  });
});

describe('parseBeacon', () => {
  it('reports invalid UTF-8 and invalid JSON as invalid_json', () => {
    expect(parseBeacon(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, reason: 'invalid_json' });
    expect(parseBeacon(bytes('{"v":1,'))).toMatchObject({ ok: false, reason: 'invalid_json' });
  });
});
