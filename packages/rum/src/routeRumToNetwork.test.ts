import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routeRumToNetwork, type RumInstallEvent } from './routeRumToNetwork.js';

type AddRoutes = NonNullable<RumInstallEvent['addRoutes']>;

/** An install event that records what the worker asked of it. */
function installEvent(addRoutes?: AddRoutes) {
  const waited: Promise<unknown>[] = [];
  const event: RumInstallEvent = { waitUntil: (p) => void waited.push(p), ...(addRoutes && { addRoutes }) };
  return { event, waited };
}

describe('routeRumToNetwork', () => {
  beforeEach(() => vi.stubGlobal('location', new URL('https://shop.example/sw.js')));
  afterEach(() => vi.unstubAllGlobals());

  it('routes the default endpoint of the worker origin to the network, any query', () => {
    const addRoutes = vi.fn<AddRoutes>(() => Promise.resolve());
    const { event, waited } = installEvent(addRoutes);
    expect(routeRumToNetwork(event)).toBe(true);
    expect(addRoutes).toHaveBeenCalledWith({
      condition: {
        urlPattern: {
          protocol: 'https',
          hostname: 'shop.example',
          port: '',
          pathname: '/rum/collect',
          search: '*',
          hash: '*',
        },
      },
      source: 'network',
    });
    expect(waited).toHaveLength(1);
  });

  it('takes a cross-origin collector and escapes pattern syntax in its path and host', () => {
    const addRoutes = vi.fn<AddRoutes>(() => Promise.resolve());
    routeRumToNetwork(installEvent(addRoutes).event, 'http://[::1]:8787/v1/rum:collect(eu)*');
    expect(addRoutes).toHaveBeenCalledWith(
      expect.objectContaining({
        condition: {
          urlPattern: expect.objectContaining({
            protocol: 'http',
            hostname: '[\\:\\:1]',
            port: '8787',
            pathname: '/v1/rum\\:collect\\(eu\\)\\*',
          }),
        },
      }),
    );
  });

  it('does nothing where static routing does not exist', () => {
    const { event, waited } = installEvent();
    expect(routeRumToNetwork(event)).toBe(false);
    expect(waited).toEqual([]);
  });

  it('never fails the install: a refused rule, sync or async, leaves the worker as it was', async () => {
    const sync = installEvent(() => {
      throw new TypeError('bad rule');
    });
    expect(routeRumToNetwork(sync.event)).toBe(false);
    const async = installEvent(() => Promise.reject(new TypeError('bad rule')));
    expect(routeRumToNetwork(async.event)).toBe(true);
    await expect(async.waited[0]).resolves.toBeUndefined();
  });
});
