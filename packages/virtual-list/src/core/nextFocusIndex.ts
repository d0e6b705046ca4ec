/** Where a key press moves the roving focus of a list. */
export interface FocusContext {
  /** Row that has the focus now. */
  index: number;
  count: number;
  horizontal: boolean;
  /** Rows that fit in the viewport (PageUp/PageDown step). */
  pageSize: number;
}

/** The row a key moves the focus to, or null when the key is not a navigation key. */
export function nextFocusIndex(key: string, { index, count, horizontal, pageSize }: FocusContext): number | null {
  if (count === 0) return null;
  const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
  const forward = horizontal ? 'ArrowRight' : 'ArrowDown';
  let next: number;
  switch (key) {
    case forward:
      next = index + 1;
      break;
    case back:
      next = index - 1;
      break;
    case 'PageDown':
      next = index + pageSize;
      break;
    case 'PageUp':
      next = index - pageSize;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return Math.min(count - 1, Math.max(0, next));
}
