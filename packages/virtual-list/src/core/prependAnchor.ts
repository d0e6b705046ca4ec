/** The first visible row when the state last changed, by key, to recognise items prepended before it. */
export interface PrependAnchor {
  key: string | number;
  index: number;
}

/**
 * True when a count change by `grow` was a prepend ("load older", chat history): the anchor's key now sits `grow`
 * indexes further on. Appends and replacements keep the anchor's key at its index (or lose it).
 */
export function isPrepend(
  anchor: PrependAnchor | null,
  grow: number,
  count: number,
  getItemKey: (index: number) => string | number,
): boolean {
  if (anchor === null || grow === 0) return false;
  const moved = anchor.index + grow;
  return moved >= 0 && moved < count && getItemKey(moved) === anchor.key;
}
