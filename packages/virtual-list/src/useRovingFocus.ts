import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Virtualizer } from './core/createVirtualizer.js';
import { nextFocusIndex } from './core/nextFocusIndex.js';

/** Options of {@link useRovingFocus}. */
export interface UseRovingFocusOptions {
  /** The list's virtualizer; a getter, because the pinned row this hook returns is an input of the hook that creates it. */
  getVirtualizer: () => Virtualizer | null;
  /** The element the rows bubble their key presses and focus to (the spacer). */
  listElement: HTMLElement | null;
  count: number;
  horizontal: boolean;
  /** Arrow keys, PageUp/PageDown, Home/End move the focus. @default true */
  enabled: boolean;
  /** Row that has the roving focus at mount. @default 0 */
  initialIndex: number;
  /** Called when the roving focus moves to another row. */
  onFocusIndexChange?: ((index: number) => void) | undefined;
  /** Enter on the focused row. */
  onItemActivate?: ((index: number) => void) | undefined;
}

/** What {@link useRovingFocus} returns. */
export interface RovingFocus {
  /** The row that is (or last was) focusable, clamped to the count. */
  focusIndex: number;
  /** Index to keep rendered wherever the list is scrolled, or null. */
  pinnedIndex: number | null;
  /** Scrolls the row into view, makes it the roving-focus row and focuses it. */
  moveFocus: (index: number) => void;
}

/**
 * One focusable row (`tabIndex` 0, the others -1) that the navigation keys move, scrolling the target into
 * view and focusing it once it is rendered. Listens natively on `listElement`, where key presses and focus
 * bubble up from the rows.
 * @internal
 */
export function useRovingFocus({
  getVirtualizer,
  listElement,
  count,
  horizontal,
  enabled,
  initialIndex,
  onFocusIndexChange,
  onItemActivate,
}: UseRovingFocusOptions): RovingFocus {
  const [focusIndex, setFocusIndex] = useState(initialIndex);
  const pendingFocus = useRef<number | null>(null);
  const clampedFocus = Math.min(focusIndex, count - 1);

  const moveFocus = useCallback(
    (index: number) => {
      if (count === 0) return;
      const next = Math.min(count - 1, Math.max(0, index));
      getVirtualizer()?.scrollToIndex(next, { align: 'auto' });
      pendingFocus.current = next;
      setFocusIndex(next);
      onFocusIndexChange?.(next);
    },
    [getVirtualizer, count, onFocusIndexChange],
  );

  // Focus moves after the target row has been rendered by the scroll above.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = listElement?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const latest = useRef({
    enabled,
    clampedFocus,
    count,
    horizontal,
    moveFocus,
    focusIndex,
    onFocusIndexChange,
    onItemActivate,
  });
  // Native listeners read the latest props without re-binding on every render (the "latest ref" pattern).
  // oxlint-disable-next-line react/refs
  latest.current = {
    enabled,
    clampedFocus,
    count,
    horizontal,
    moveFocus,
    focusIndex,
    onFocusIndexChange,
    onItemActivate,
  };
  useLayoutEffect(() => {
    if (!listElement) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      if (!current.enabled || event.defaultPrevented) return;
      // Keys typed into a control inside a row belong to that control.
      const target = event.target as HTMLElement;
      if (!target.hasAttribute('data-index')) return;
      if (event.key === 'Enter' && current.onItemActivate) {
        event.preventDefault();
        current.onItemActivate(Number(target.dataset.index));
        return;
      }
      const state = getVirtualizer()?.getState();
      const next = nextFocusIndex(event.key, {
        index: current.clampedFocus,
        count: current.count,
        horizontal: current.horizontal,
        pageSize: state ? Math.max(1, state.endIndex - state.startIndex) : 1,
      });
      if (next === null) return;
      event.preventDefault();
      current.moveFocus(next);
    };
    const onFocusIn = (event: FocusEvent) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      const index = row ? Number(row.dataset.index) : Number.NaN;
      const current = latest.current;
      if (Number.isInteger(index) && index !== current.focusIndex) {
        setFocusIndex(index);
        current.onFocusIndexChange?.(index);
      }
    };
    listElement.addEventListener('keydown', onKeyDown);
    listElement.addEventListener('focusin', onFocusIn);
    return () => {
      listElement.removeEventListener('keydown', onKeyDown);
      listElement.removeEventListener('focusin', onFocusIn);
    };
  }, [listElement, getVirtualizer]);

  return { focusIndex: clampedFocus, pinnedIndex: focusIndex < count ? focusIndex : null, moveFocus };
}
