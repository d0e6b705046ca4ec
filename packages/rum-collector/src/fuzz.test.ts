/* oxlint-disable vitest/no-conditional-expect -- property tests assert on whichever branch the parser took. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectorServer, type CollectorServer } from './createCollectorServer.js';
import { parseBeacon } from './parseBeacon.js';
import { makeBeacon, vital } from './test-utils/makeBeacon.js';

const enc = new TextEncoder();
const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '\u2028\u2029',
  '\u0000',
  '${7*7}',
  '</style><svg onload=alert(1)>',
];
const hostileString = fc.oneof(
  fc.constantFrom(...XSS),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 1e-320),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);
const KEYS = ['v', 'pageViewId', 'seq', 'sentAt', 'dropped', 'context', 'events'] as const;

describe('parseBeacon under hostile input (fast-check)', () => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        expect(parseBeacon(bytes).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON, and accepts nothing that is not a beacon', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(parseBeacon(enc.encode(JSON.stringify(value))).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a valid beacon with any field replaced by a wrong type or huge number, or accepts it within bounds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), hostileValue, (key, value) => {
        const text = JSON.stringify({ ...makeBeacon(), [key]: value });
        const result = parseBeacon(enc.encode(text.replace('"NaN"', '1e400')));
        if (result.ok) {
          // Only values the schema allows can get through, e.g. a non-negative integer seq.
          expect(Number.isFinite(result.beacon.sentAt)).toBe(true);
          expect(Number.isSafeInteger(result.beacon.seq)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps hostile strings that fit the schema verbatim', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (route, target) => {
        const beacon = makeBeacon({
          context: { route: `/${route}`.slice(0, 256), deviceClass: 'mobile' },
          events: [vital('LCP', 1, { attribution: { target: target.slice(0, 512) } })],
        });
        const result = parseBeacon(enc.encode(JSON.stringify(beacon)));
        if (result.ok) expect(result.beacon).toEqual(beacon);
        else expect(result.error).toMatch(/route|target|NUL/);
      }),
      { numRuns: 300 },
    );
  });

  it('survives deeply nested JSON and numbers beyond double range', () => {
    const deep = `${'['.repeat(32_000)}${']'.repeat(32_000)}`;
    expect(parseBeacon(enc.encode(deep))).toMatchObject({ ok: false });
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(parseBeacon(enc.encode(deepObject))).toMatchObject({ ok: false });
    const attr = JSON.stringify(makeBeacon()).replace(
      '"target":"main > img.hero"',
      `"target":"x","deep":${deep.slice(0, 2000)}${deep.slice(-2000)}`,
    );
    expect(parseBeacon(enc.encode(attr))).toMatchObject({ ok: false });
    const huge = JSON.stringify(makeBeacon()).replace('"seq":0', `"seq":1${'0'.repeat(400)}`);
    expect(parseBeacon(enc.encode(huge))).toMatchObject({ ok: false, reason: 'invalid_beacon' });
  });
});

describe('the HTTP endpoint under hostile input', () => {
  let server: CollectorServer;
  const dir = mkdtempSync(join(tmpdir(), 'rum-fuzz-'));
  beforeAll(async () => {
    server = await createCollectorServer({ port: 0, dataDir: dir, rateLimit: false });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every random request with a 2xx/4xx and keeps serving', async () => {
    const contentType = fc.constantFrom(
      'text/plain',
      'application/json',
      'text/plain;charset=UTF-8',
      'application/json; charset=utf-16',
      'x/y',
      '',
    );
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => enc.encode(JSON.stringify(v))),
      fc
        .tuple(fc.constantFrom(...KEYS), hostileValue)
        .map(([k, v]) => enc.encode(JSON.stringify({ ...makeBeacon(), [k]: v }))),
    );
    await fc.assert(
      fc.asyncProperty(contentType, body, async (type, bytes) => {
        const res = await fetch(`${server.url}/rum/collect`, {
          method: 'POST',
          headers: type ? { 'content-type': type } : {},
          body: bytes,
        });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const ok = await fetch(`${server.url}/rum/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(makeBeacon()),
    });
    expect(ok.status).toBe(204);
  });
});
