import { describe, expect, it } from 'vitest';
import { formatPrice } from './formatPrice';

describe('formatPrice', () => {
  it('matches what Intl formats for en-US dollars', () => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    for (const cents of [0, 1, 5, 99, 100, 1999, 123456, 100000, 99999999, 123456789012, -5, -123456]) {
      expect(formatPrice(cents)).toBe(intl.format(cents / 100));
    }
  });

  it('rounds fractional cents and rejects non-numbers with an empty string', () => {
    expect(formatPrice(1999.6)).toBe('$20.00');
    expect(formatPrice(Number.NaN)).toBe('');
    expect(formatPrice(Number.POSITIVE_INFINITY)).toBe('');
  });
});
