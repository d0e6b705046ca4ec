import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.js';

const PROXY = '10.0.0.2';

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', PROXY, 0)).toBe(PROXY);
    expect(clientAddress(undefined, PROXY, 1)).toBe(PROXY);
  });

  it('behind one proxy, is the address that proxy appended (right-most), not the forged left-most ones', () => {
    expect(clientAddress('1.1.1.1, 2.2.2.2, 198.51.100.7', PROXY, 1)).toBe('198.51.100.7');
    // Node joins repeated headers; a client may also send its own header before the proxy's.
    expect(clientAddress(['6.6.6.6', '198.51.100.7'], PROXY, 1)).toBe('198.51.100.7');
  });

  it('counts trusted hops from the right, as Express does with a numeric trust proxy', () => {
    // client forged 6.6.6.6; the CDN appended the client's 198.51.100.7; the load balancer appended the CDN's 10.1.1.1.
    expect(clientAddress('6.6.6.6, 198.51.100.7, 10.1.1.1', PROXY, 2)).toBe('198.51.100.7');
    // More hops than entries: the left-most entry is as far as the chain goes.
    expect(clientAddress('198.51.100.7', PROXY, 3)).toBe('198.51.100.7');
  });

  it('drops a port, and falls back to the nearest trusted address when an entry is not an IP address', () => {
    expect(clientAddress('198.51.100.7:51234', PROXY, 1)).toBe('198.51.100.7');
    expect(clientAddress('[2001:db8::1]:443', PROXY, 1)).toBe('2001:db8::1');
    expect(clientAddress('unknown', PROXY, 1)).toBe(PROXY);
    expect(clientAddress('<script>, x'.repeat(50), PROXY, 1)).toBe(PROXY);
    expect(clientAddress('garbage, 10.1.1.1', PROXY, 2)).toBe('10.1.1.1');
    expect(clientAddress(' , ,', PROXY, 1)).toBe(PROXY);
  });
});
