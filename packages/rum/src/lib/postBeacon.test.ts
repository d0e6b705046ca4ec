import { afterEach, describe, expect, it, vi } from 'vitest';
import { outboxRecord } from '../test-utils/outboxRecord.js';
import { postBeacon } from './postBeacon.js';

function stub(response: number | Error) {
  const fetch = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(() =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(new Response(null, { status: response })),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('postBeacon', () => {
  it('POSTs the beacon as a JSON string with keepalive in the calling task (text/plain, no preflight)', async () => {
    const fetch = stub(204);
    const record = outboxRecord(3);
    const sent = postBeacon(record);
    // Called before the first await: a page that is going away still sends.
    expect(fetch).toHaveBeenCalledWith(record.url, {
      method: 'POST',
      body: JSON.stringify(record.beacon),
      keepalive: true,
    });
    await expect(sent).resolves.toBe(true);
  });

  it.each([
    [200, true],
    [204, true],
    // Refused for good: a resend would be refused again.
    [400, true],
    [413, true],
    [408, false],
    [429, false],
    [500, false],
    [503, false],
  ])('status %i resolves %s', async (status, done) => {
    stub(status);
    await expect(postBeacon(outboxRecord(0))).resolves.toBe(done);
  });

  it('resolves false on a network error or a full keepalive quota (fetch rejects)', async () => {
    stub(new TypeError('Failed to fetch'));
    await expect(postBeacon(outboxRecord(0))).resolves.toBe(false);
  });
});
