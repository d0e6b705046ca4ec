import { formatSrcSet, parseSrcSet } from './parseSrcSet.js';

/**
 * Drops the candidates a constrained network should not download: width candidates above the first one
 * that covers `cssWidth` at 1x (so a 2x screen gets the 1x file), density candidates above 1x.
 * Without a known width only the smallest width candidate is kept.
 */
export function capSrcSet(srcset: string, cssWidth: number | undefined): string {
  // A srcset uses either width or density descriptors (mixing them is invalid HTML), so one sort serves both.
  const candidates = parseSrcSet(srcset).sort((a, b) => a.value - b.value);
  const cover = candidates.find((c) => c.value >= (c.unit === 'x' ? 1 : (cssWidth ?? 0)));
  return formatSrcSet(cover ? candidates.filter((c) => c.value <= cover.value) : candidates);
}
