/** One srcset candidate: a URL and its descriptor (`w` width, `x` density). */
export interface SrcSetCandidate {
  url: string;
  /** The number of the descriptor; 1 for a bare URL (which means `1x`). */
  value: number;
  unit: 'w' | 'x';
}

/**
 * Parses a `srcset` attribute. URLs with commas inside are not supported (the build pipeline never
 * produces them). A malformed candidate throws in development and is skipped in production.
 */
export function parseSrcSet(srcset: string): SrcSetCandidate[] {
  const candidates: SrcSetCandidate[] = [];
  for (const part of srcset.split(',')) {
    const text = part.trim();
    const match = /^(\S+)(?:\s+(\d*\.?\d+)([wx]))?$/.exec(text);
    if (match)
      candidates.push({ url: match[1] as string, value: +(match[2] ?? 1), unit: (match[3] ?? 'x') as 'w' | 'x' });
    // An empty part (a trailing comma) is skipped. A typo must not take the page down in production;
    // development says what is wrong.
    else if (text && process.env.NODE_ENV !== 'production') throw new Error(`lazy-image: bad srcset "${text}"`);
  }
  return candidates;
}

/** Turns candidates back into a `srcset` attribute. */
export function formatSrcSet(candidates: readonly SrcSetCandidate[]): string {
  return candidates.map((c) => `${c.url} ${c.value}${c.unit}`).join(', ');
}
