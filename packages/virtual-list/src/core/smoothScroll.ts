/** A smooth scroll in flight: the browser animates the real offset, the virtual one follows proportionally. */
export interface SmoothScroll {
  fromVirtual: number;
  fromReal: number;
  toVirtual: number;
  toReal: number;
}

/** The virtual offset for the real offset `real` the browser's animation has reached. */
export function smoothOffset(s: SmoothScroll, real: number): number {
  if (Math.abs(real - s.toReal) < 1) return s.toVirtual;
  const span = s.toReal - s.fromReal;
  return s.fromVirtual + (span === 0 ? 0 : ((real - s.fromReal) / span) * (s.toVirtual - s.fromVirtual));
}

/** True when the animation is over: the browser reported its end or the target was reached. */
export function smoothScrollEnded(s: SmoothScroll, real: number, isScrolling: boolean): boolean {
  return !isScrolling || Math.abs(real - s.toReal) < 1;
}
