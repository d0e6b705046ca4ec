import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendBody } from './sendBody.js';

function stub(beaconResult: boolean | Error, response: number | Error) {
  const sendBeacon = vi.fn<() => boolean>(() => {
    if (beaconResult instanceof Error) throw beaconResult;
    return beaconResult;
  });
  const fetch = vi.fn<() => Promise<Response>>(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(new Response(null, { status: response }))));
  vi.stubGlobal('navigator', { sendBeacon });
  vi.stubGlobal('fetch', fetch);
  return { sendBeacon, fetch };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendBody', () => {
  it('at hide, hands a text/plain string to sendBeacon and stops when it says true', async () => {
    const { sendBeacon, fetch } = stub(true, 204);
    await expect(sendBody('/rum/collect', '{"v":1}', true)).resolves.toBe(true);
    expect(sendBeacon).toHaveBeenCalledWith('/rum/collect', '{"v":1}');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('falls back to fetch keepalive (string body: text/plain like sendBeacon, no preflight) when sendBeacon returns false', async () => {
    const { sendBeacon, fetch } = stub(false, 204);
    const sent = sendBody('/rum/collect', '{"v":1}', true);
    // Both calls happen before the first await: a page that is going away still sends.
    expect(sendBeacon).toHaveBeenCalledOnce();
    expect(fetch).toHaveBeenCalledWith('/rum/collect', { method: 'POST', body: '{"v":1}', keepalive: true });
    await expect(sent).resolves.toBe(true);
  });

  it('falls back to fetch when sendBeacon throws', async () => {
    const { fetch } = stub(new TypeError('blocked'), 202);
    await expect(sendBody('/c', '{}', true)).resolves.toBe(true);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('uses fetch only when the page is visible, so failures are seen', async () => {
    const { sendBeacon } = stub(true, 503);
    await expect(sendBody('/c', '{}', false)).resolves.toBe(false);
    expect(sendBeacon).not.toHaveBeenCalled();
  });

  it.each([
    [204, true],
    [200, true],
    [400, true],
    [413, true],
    [408, false],
    [429, false],
    [500, false],
    [503, false],
  ])('HTTP %i means done: %s', async (status, done) => {
    stub(false, status);
    await expect(sendBody('/c', '{}', true)).resolves.toBe(done);
  });

  it('resolves false on a network error or exhausted keepalive quota', async () => {
    stub(false, new TypeError('Failed to fetch'));
    await expect(sendBody('/c', '{}', true)).resolves.toBe(false);
  });
});
