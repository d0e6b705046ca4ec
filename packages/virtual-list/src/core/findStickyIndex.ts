/**
 * The group header that should stick for a list scrolled to item `index`: the last entry of the
 * sorted `stickyIndexes` at or before `index` (binary search, so 100k groups cost nothing), and
 * the header after it (which pushes the sticky one out). -1 when there is none.
 */
export function findStickyIndex(stickyIndexes: readonly number[], index: number): { active: number; next: number } {
  let lo = 0;
  let hi = stickyIndexes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((stickyIndexes[mid] ?? Infinity) <= index) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return {
    active: found === -1 ? -1 : (stickyIndexes[found] ?? -1),
    next: stickyIndexes[found + 1] ?? -1,
  };
}
