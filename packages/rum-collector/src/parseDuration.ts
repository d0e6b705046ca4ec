const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses "90s", "15m", "24h", "7d", "2w" (or plain ms) into milliseconds; throws a readable error otherwise. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!match) throw new Error(`invalid duration "${text}": use a number with ms, s, m, h, d or w (e.g. 7d)`);
  return Number(match[1]) * UNITS[match[2] ?? 'ms']!;
}
