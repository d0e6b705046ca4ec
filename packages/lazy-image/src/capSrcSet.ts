import { formatSrcSet, parseSrcSet } from './parseSrcSet.js';

/**
 * Drops the candidates a constrained network should not download: width candidates above the first one
 * that covers `cssWidth` at 1x (so a 2x screen gets the 1x file), density candidates above 1x.
 * Without a known width only the smallest width candidate is kept.
 */
export function capSrcSet(srcset: string, cssWidth: number | undefined): string {
  // A srcset uses either width or density descriptors (mixing them is invalid HTML), so one sort serves both.
  const candidates = parseSrcSet(srcset).sort((a, b) => a.value - b.value);
  const cover = candidates.findIndex((c) => c.value >= (c.unit === 'x' ? 1 : (cssWidth ?? 0)));
  // Without a covering candidate (-1) every candidate is kept.
  return formatSrcSet(cover < 0 ? candidates : candidates.slice(0, cover + 1));
}
