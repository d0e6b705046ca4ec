import { describe, expect, it } from 'vitest';
import { rateLimitKey } from './rateLimitKey.js';

describe('rateLimitKey', () => {
  it('keeps an IPv4 address', () => {
    expect(rateLimitKey('198.51.100.7')).toBe('198.51.100.7');
  });

  it('groups IPv6 addresses by /64, whatever their spelling', () => {
    const key = rateLimitKey('2001:db8:aa:bb::1');
    expect(key).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:0db8:00aa:00bb:ffff:1:2:3')).toBe(key);
    expect(rateLimitKey('2001:DB8:AA:BB:1::')).toBe(key);
    expect(rateLimitKey('2001:db8:aa:bb::1%eth0')).toBe(key);
    expect(rateLimitKey('2001:db8:aa:bc::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
  });

  it('reads IPv4-mapped IPv6 as the IPv4 address, so IPv4 clients of a dual-stack socket do not share one bucket', () => {
    expect(rateLimitKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitKey('::ffff:c633:6407')).toBe('198.51.100.7');
    expect(rateLimitKey('::ffff:198.51.100.8')).not.toBe(rateLimitKey('::ffff:198.51.100.7'));
  });

  it('passes anything else through (the socket fallback "unknown")', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
