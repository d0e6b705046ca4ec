const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Cents to a display price. */
export function formatPrice(cents: number): string {
  return formatter.format(cents / 100);
}
