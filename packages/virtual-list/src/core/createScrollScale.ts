/**
 * The map between the list's true ("virtual") scroll offset and the offset the browser can hold.
 * Browsers cap an element's size (Chromium ~33.5M px, Firefox ~17.9M px); past it the DOM scroll
 * space is shrunk to `maxScrollSize` and mapped linearly, exact at both ends.
 */
export interface ScrollScale {
  /** True when the list is longer than the browser can scroll, so offsets are mapped. */
  readonly scaled: boolean;
  /** Size of the DOM scroll space (the spacer element). */
  readonly scrollSize: number;
  /** Largest virtual offset: `total - viewport`, at least 0. */
  readonly maxVirtual: number;
  /** Largest DOM offset: `scrollSize - viewport`, at least 0. */
  readonly maxReal: number;
  /** Virtual offset for a DOM offset (clamped). */
  toVirtual(real: number): number;
  /** DOM offset for a virtual offset (clamped). */
  toReal(virtual: number): number;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** Builds the {@link ScrollScale} for a list of `total` px seen through a `viewport` px window. */
export function createScrollScale(total: number, viewport: number, maxScrollSize: number): ScrollScale {
  if (!(maxScrollSize > 0)) throw new RangeError(`maxScrollSize must be positive, got ${maxScrollSize}`);
  const scrollSize = Math.min(total, maxScrollSize);
  const maxVirtual = Math.max(0, total - viewport);
  const maxReal = Math.max(0, scrollSize - viewport);
  const scaled = total > maxScrollSize && maxReal > 0;
  if (!scaled) {
    return {
      scaled,
      scrollSize,
      maxVirtual,
      maxReal,
      toVirtual: (r) => clamp(r, maxVirtual),
      toReal: (v) => clamp(v, maxReal),
    };
  }
  const ratio = maxVirtual / maxReal;
  return {
    scaled,
    scrollSize,
    maxVirtual,
    maxReal,
    // Both ends are pinned explicitly so float rounding can never leave the last row unreachable.
    toVirtual: (r) => (r >= maxReal ? maxVirtual : clamp(r * ratio, maxVirtual)),
    toReal: (v) => (v >= maxVirtual ? maxReal : clamp(v / ratio, maxReal)),
  };
}
