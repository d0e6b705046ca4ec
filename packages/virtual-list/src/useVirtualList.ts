import { useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { attachScrollElement } from './core/attachScrollElement.js';
import {
  createVirtualizer,
  type ScrollSnapshot,
  type ScrollToOptions,
  type Virtualizer,
  type VirtualizerOptions,
  type VirtualState,
} from './core/createVirtualizer.js';

/** Options of {@link useVirtualList}: the virtualizer's options plus where it scrolls. */
export interface UseVirtualListOptions extends Omit<VirtualizerOptions, 'scrollTo' | 'maxScrollSize'> {
  /** Returns the scrolling element, or `window` for window scrolling. Required. */
  getScrollElement: () => Element | Window | null;
  /** Lay items out left to right. @default false */
  horizontal?: boolean | undefined;
  /** Indexes that stay rendered wherever the list is scrolled (e.g. the focused row). @default [] */
  pinnedIndexes?: readonly number[] | undefined;
  /** Overrides the detected browser scroll-size cap. @default detected */
  maxScrollSize?: number | undefined;
}

/** One item to render. */
export interface VirtualItem {
  index: number;
  key: string | number;
  /** Position inside the spacer element in px (use as `translateY`/`translateX`). */
  start: number;
  size: number;
}

/** What {@link useVirtualList} returns. */
export interface VirtualListInstance {
  /** Items to render, in index order. */
  items: VirtualItem[];
  /** Offsets, ranges and sizes; see {@link VirtualState}. */
  state: VirtualState;
  /** Ref for the element that holds the items; give it `scrollSize` px along the scroll axis. */
  spacerRef: (element: HTMLElement | null) => void;
  /** Ref for every rendered item (needs `data-index`); measures it unless `itemSize` is set. */
  measureElement: (element: HTMLElement | null) => void;
  scrollToIndex(index: number, options?: ScrollToOptions): void;
  scrollToOffset(offset: number, options?: Pick<ScrollToOptions, 'behavior'>): void;
  /** Offset + measurements, to pass back as `initialSnapshot` after navigating away. */
  getSnapshot(): ScrollSnapshot;
  /** The React-free virtualizer underneath. */
  virtualizer: Virtualizer;
}

/**
 * Virtualizes a list of `count` items of fixed, estimated or measured size in an element or the
 * window, including lists longer than the browser can scroll. Render `items` absolutely positioned
 * at `start` inside the spacer (`spacerRef`, `state.scrollSize` long).
 */
export function useVirtualList(options: UseVirtualListOptions): VirtualListInstance {
  const { getScrollElement, horizontal = false, pinnedIndexes, maxScrollSize, ...core } = options;
  const [virtualizer] = useState(() => createVirtualizer(core));
  const state = useSyncExternalStore(virtualizer.subscribe, virtualizer.getState, virtualizer.getState);
  const spacer = useRef<HTMLElement | null>(null);
  const elements = useRef(new Map<number, HTMLElement>());
  const observer = useRef<ResizeObserver | null>(null);
  const fixed = core.itemSize !== undefined;

  // Every render hands the latest options and callbacks to the virtualizer (no-op when nothing changed).
  useLayoutEffect(() => {
    virtualizer.setOptions(core);
  });

  const getScrollElementRef = useRef(getScrollElement);
  getScrollElementRef.current = getScrollElement;
  // Attaches in the commit that mounts the spacer, read from a ref: holding the spacer in state cost a
  // whole extra render and commit before the viewport was even measured (the mount profile in the README).
  // Runs after every commit and re-attaches only when the spacer, the scroll element or an option changed.
  const attachment = useRef<{ key: readonly unknown[]; detach: () => void } | null>(null);
  useLayoutEffect(() => {
    const scrollElement = getScrollElementRef.current();
    const key = [spacer.current, scrollElement, horizontal, maxScrollSize] as const;
    const current = attachment.current;
    if (current && current.key.every((value, i) => value === key[i])) return;
    current?.detach();
    attachment.current = null;
    if (!spacer.current || !scrollElement) return;
    attachment.current = {
      key,
      detach: attachScrollElement(virtualizer, { scrollElement, spacer: spacer.current, horizontal, maxScrollSize }),
    };
  });
  useLayoutEffect(
    () => () => {
      attachment.current?.detach();
      attachment.current = null;
    },
    [],
  );

  // Later size changes (images, fonts, expanding rows) arrive through a ResizeObserver. They are
  // applied in the next frame, not inside the callback: rows mounted by the re-render would be
  // observed mid-delivery and raise "ResizeObserver loop completed with undelivered notifications".
  useLayoutEffect(() => {
    if (fixed || typeof ResizeObserver === 'undefined') return;
    let pending = new Map<HTMLElement, number>();
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch: Array<readonly [number, number]> = [];
      // Indexes are read now, not when observed: a prepend may have renumbered the rows meanwhile.
      for (const [element, size] of pending) if (element.isConnected) batch.push([Number(element.dataset.index), size]);
      pending = new Map();
      virtualizer.measure(batch);
    };
    const resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        if (!element.isConnected) continue;
        const box = entry.borderBoxSize[0];
        const size = box
          ? Math.round(horizontal ? box.inlineSize : box.blockSize)
          : horizontal
            ? element.offsetWidth
            : element.offsetHeight;
        pending.set(element, size);
      }
      if (pending.size > 0 && frame === 0) frame = requestAnimationFrame(flush);
    });
    observer.current = resizeObserver;
    for (const element of elements.current.values()) resizeObserver.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      resizeObserver.disconnect();
      observer.current = null;
    };
  }, [virtualizer, fixed, horizontal]);

  const measureElement = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const index = Number(element.dataset.index);
    if (!Number.isInteger(index)) throw new Error('measureElement: the item element needs a data-index attribute');
    const previous = elements.current.get(index);
    if (previous === element) return;
    if (previous) observer.current?.unobserve(previous);
    elements.current.set(index, element);
    observer.current?.observe(element);
  }, []);

  // New rows are measured before the browser paints, so the first frame already has true sizes.
  useLayoutEffect(() => {
    const batch: Array<readonly [number, number]> = [];
    for (const [index, element] of elements.current) {
      if (!element.isConnected) {
        observer.current?.unobserve(element);
        elements.current.delete(index);
      } else if (!fixed && !virtualizer.isMeasured(index)) {
        batch.push([index, horizontal ? element.offsetWidth : element.offsetHeight]);
      }
    }
    if (batch.length > 0) virtualizer.measure(batch);
  });

  const setSpacerElement = useCallback((element: HTMLElement | null) => {
    spacer.current = element;
  }, []);

  const pinnedKey = pinnedIndexes?.join(',') ?? '';
  const items = useMemo(() => {
    const indexes: number[] = [];
    const count = core.count;
    const extra = new Set<number>();
    for (const index of pinnedIndexes ?? []) if (index >= 0 && index < count) extra.add(index);
    if (state.stickyIndex >= 0) extra.add(state.stickyIndex);
    for (const index of extra)
      if ((index < state.renderStart || index > state.renderEnd) && index < count) indexes.push(index);
    // The state may still describe the previous count for one render (it follows in a layout
    // effect), so indexes past the new end are skipped rather than handed to renderItem.
    const last = Math.min(state.renderEnd, count - 1);
    if (state.renderStart >= 0) for (let i = state.renderStart; i <= last; i++) indexes.push(i);
    indexes.sort((a, b) => a - b);
    return indexes.map((index): VirtualItem => {
      const { start, size } = virtualizer.getItemRect(index);
      // Pinned rows far away would otherwise sit millions of px out and stretch the scroll area.
      return {
        index,
        key: virtualizer.getItemKey(index),
        start: Math.min(Math.max(start, -size), state.scrollSize),
        size,
      };
    });
    // pinnedKey stands for pinnedIndexes' content.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [virtualizer, state, pinnedKey, core.count]);

  return useMemo(
    () => ({
      items,
      state,
      spacerRef: setSpacerElement,
      measureElement,
      scrollToIndex: virtualizer.scrollToIndex,
      scrollToOffset: virtualizer.scrollToOffset,
      getSnapshot: virtualizer.getSnapshot,
      virtualizer,
    }),
    [items, state, measureElement, setSpacerElement, virtualizer],
  );
}
