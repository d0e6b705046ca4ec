import { describe, expect, it } from 'vitest';
import { resolveRoute } from './resolveRoute.js';

const route = (href: string, collapse?: boolean) => resolveRoute(new URL(href, 'https://shop.test'), collapse);

describe('resolveRoute', () => {
  it('keeps the path only: query string and hash never leave the page', () => {
    expect(route('/cart?coupon=SECRET#pay')).toBe('/cart');
  });

  it('collapses numbers, UUIDs, hashes, numbered slugs and e-mails into :id', () => {
    expect(route('/items/42')).toBe('/items/:id');
    expect(route('/orders/3f2c1a9e-8b7d-4c6e-9f00-1234567890ab/lines/7')).toBe('/orders/:id/lines/:id');
    expect(route('/commit/9fceb02d0ae598e95dc970b74767f19372d61af8')).toBe('/commit/:id');
    expect(route('/users/jane@example.com/settings')).toBe('/users/:id/settings');
  });

  it('keeps ordinary words, short versions and the root', () => {
    expect(route('/blog/performance-budgets')).toBe('/blog/performance-budgets');
    expect(route('/api/v2/search')).toBe('/api/v2/search');
    expect(route('/')).toBe('/');
  });

  it('leaves ids alone with collapseIds false', () => {
    expect(route('/items/42?x=1', false)).toBe('/items/42');
  });
});
