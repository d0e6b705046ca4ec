import {
  forwardRef,
  memo,
  useCallback,
  useImperativeHandle,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type Ref,
} from 'react';
import type {
  ScrollSnapshot,
  ScrollToOptions,
  Virtualizer,
  VirtualizerOptions,
  VirtualState,
} from './core/createVirtualizer.js';
import { useRovingFocus } from './useRovingFocus.js';
import { useVirtualList, type VirtualItem } from './useVirtualList.js';

/** A {@link ScrollSnapshot} plus the row that had the roving focus. */
export interface VirtualListSnapshot extends ScrollSnapshot {
  focusIndex: number;
}

/** Imperative handle of {@link VirtualList} (`ref`). */
export interface VirtualListHandle {
  scrollToIndex(index: number, options?: ScrollToOptions): void;
  /** Scrolls to a virtual offset in px (the list's full length, unscaled). */
  scrollToOffset(offset: number, options?: Pick<ScrollToOptions, 'behavior'>): void;
  /** Scrolls the row into view, makes it the roving-focus row and focuses it. */
  focusIndex(index: number): void;
  /** Position, measurements and focused row, to pass back as `initialSnapshot`. */
  getSnapshot(): VirtualListSnapshot;
  /** Current offsets and ranges. */
  getState(): VirtualState;
  /** The scrolling element (null with `useWindowScroll`). */
  readonly element: HTMLDivElement | null;
}

/** Props of {@link VirtualList}. */
export interface VirtualListProps extends Omit<
  VirtualizerOptions,
  'scrollTo' | 'maxScrollSize' | 'initialSnapshot' | 'initialViewportSize'
> {
  /** Renders the content of item `index`; the list wraps it in a positioned `listitem`. Required. */
  renderItem: (index: number) => ReactNode;
  /** Lay items out left to right. @default false */
  horizontal?: boolean | undefined;
  /** Scroll with the page instead of an own scroll box. @default false */
  useWindowScroll?: boolean | undefined;
  /** Restores position, measurements and focused row from `handle.getSnapshot()`. @default undefined */
  initialSnapshot?: VirtualListSnapshot | ScrollSnapshot | undefined;
  /** Viewport size assumed before it can be measured: how many rows SSR renders. @default 0 */
  initialViewportSize?: number | undefined;
  /** Arrow keys, PageUp/PageDown, Home/End move a roving focus between rows. @default true */
  keyboardNavigation?: boolean | undefined;
  /** Called when the roving focus moves to another row. @default undefined */
  onFocusIndexChange?: ((index: number) => void) | undefined;
  /** Enter on the focused row (e.g. open the item page). @default undefined */
  onItemActivate?: ((index: number) => void) | undefined;
  /** Overrides the detected browser scroll-size cap. @default detected */
  maxScrollSize?: number | undefined;
  /** Class of the scroll box (give it a height, or a width when horizontal). @default undefined */
  className?: string | undefined;
  /** Style of the scroll box (merged over `overflow: auto; position: relative; contain: strict`). @default undefined */
  style?: CSSProperties | undefined;
  /** Class of every row wrapper. @default undefined */
  itemClassName?: string | undefined;
  /** Accessible name of the list. @default undefined */
  'aria-label'?: string | undefined;
  /** Id of the element naming the list. @default undefined */
  'aria-labelledby'?: string | undefined;
  /** `list`: list/listitem with aria-setsize/posinset. `grid`: a table; grid/row with aria-rowcount/
   *  rowindex, and `renderItem` returns the `gridcell`s of a row. @default 'list' */
  role?: 'list' | 'grid' | undefined;
}

// A zero-thickness sticky box at the spacer's start holds the active header; the header inside is
// absolutely placed, so it never takes room from the rows.
const stickyBox: CSSProperties = { position: 'sticky', zIndex: 1, overflow: 'visible' };
const stickyWrapperStyle: CSSProperties = { ...stickyBox, top: 0, height: 0, width: '100%' };
const stickyWrapperStyleHorizontal: CSSProperties = { ...stickyBox, left: 0, width: 0, height: '100%' };

// Row content renders only when its index or renderItem changes: a row that just moves (a row above
// was measured, the block stepped) touches its wrapper and nothing inside it.
const ItemContent = memo(function ItemContent({
  index,
  renderItem,
}: {
  index: number;
  renderItem: (index: number) => ReactNode;
}) {
  return renderItem(index);
});

interface RowProps {
  index: number;
  position: number;
  horizontal: boolean;
  itemSize: number | undefined;
  role: 'list' | 'grid';
  count: number;
  sticky: boolean;
  tabIndex: number | undefined;
  className: string | undefined;
  measureElement: (element: HTMLElement | null) => void;
  renderItem: (index: number) => ReactNode;
}

// A row re-renders only when one of its props changes. Rows are placed relative to a block that moves
// in 64k px steps (see `base` below), so a scroll frame re-renders the new rows and nothing else; the
// profile in the README found every row's wrapper re-rendered and restyled on each of ~3 commits per frame.
const Row = memo(function Row({
  index,
  position,
  horizontal,
  itemSize,
  role,
  count,
  sticky,
  tabIndex,
  className,
  measureElement,
  renderItem,
}: RowProps) {
  const style: CSSProperties = {
    position: 'absolute',
    top: 0,
    left: 0,
    transform: horizontal ? `translateX(${position}px)` : `translateY(${position}px)`,
    ...(horizontal ? { height: '100%' } : { width: '100%' }),
    ...(itemSize !== undefined ? (horizontal ? { width: itemSize } : { height: itemSize }) : {}),
  };
  return (
    <div
      ref={measureElement}
      {...(role === 'grid'
        ? { role: 'row', 'aria-rowindex': index + 1 }
        : { role: 'listitem', 'aria-setsize': count, 'aria-posinset': index + 1 })}
      data-index={index}
      {...(sticky ? { 'data-sticky': '' } : {})}
      tabIndex={tabIndex}
      className={className}
      style={style}
    >
      <ItemContent index={index} renderItem={renderItem} />
    </div>
  );
});

// The block holding the rows sits at a multiple of this many px: rows keep their transforms while the
// list scrolls, and a transform stays small enough for the compositor's floats to hold whole pixels.
const blockStep = 65_536;

/**
 * An accessible virtual list: `list`/`listitem` roles with aria-setsize/posinset, roving keyboard
 * focus that keeps the focused row mounted, sticky headers, chat mode, infinite loading hooks,
 * scroll restoration, and lists longer than the browser can scroll (10M, 100M rows).
 */
export const VirtualList = forwardRef(function VirtualList(props: VirtualListProps, ref: Ref<VirtualListHandle>) {
  const {
    renderItem,
    horizontal = false,
    useWindowScroll = false,
    initialSnapshot,
    keyboardNavigation = true,
    onFocusIndexChange,
    onItemActivate,
    className,
    style,
    itemClassName,
    'aria-label': ariaLabel,
    'aria-labelledby': ariaLabelledby,
    role = 'list',
    ...options
  } = props;
  const scroller = useRef<HTMLDivElement | null>(null);
  const virtualizerRef = useRef<Virtualizer | null>(null);
  const getVirtualizer = useCallback(() => virtualizerRef.current, []);
  const [listElement, setListElement] = useState<HTMLElement | null>(null);
  const focus = useRovingFocus({
    getVirtualizer,
    listElement,
    count: options.count,
    horizontal,
    enabled: keyboardNavigation,
    initialIndex: initialSnapshot && 'focusIndex' in initialSnapshot ? initialSnapshot.focusIndex : 0,
    onFocusIndexChange,
    onItemActivate,
  });
  const list = useVirtualList({
    ...options,
    initialSnapshot,
    horizontal,
    getScrollElement: () => (useWindowScroll ? window : scroller.current),
    pinnedIndexes: focus.pinnedIndex === null ? [] : [focus.pinnedIndex],
  });
  const { state, items, spacerRef, virtualizer } = list;
  // oxlint-disable-next-line react/refs
  virtualizerRef.current = virtualizer;
  const clampedFocus = focus.focusIndex;

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex: virtualizer.scrollToIndex,
      scrollToOffset: virtualizer.scrollToOffset,
      focusIndex: focus.moveFocus,
      getSnapshot: () => ({ ...virtualizer.getSnapshot(), focusIndex: clampedFocus }),
      getState: virtualizer.getState,
      get element() {
        return scroller.current;
      },
    }),
    [virtualizer, focus.moveFocus, clampedFocus],
  );

  const setSpacer = useCallback(
    (element: HTMLElement | null) => {
      setListElement(element);
      spacerRef(element);
    },
    [spacerRef],
  );

  // Rows sit in a block placed with `top` near the scroll offset and are moved within it by small
  // transforms: a transform of millions of px loses whole pixels (compositor floats), `top` does not.
  // Past the height cap the block follows the offset pixel by pixel, as before: a stepped block put the last row
  // of a 10M-row list 1 px short of the bottom in Chromium (huge.spec.ts), cause not yet found.
  const base = Math.max(0, state.scaled ? Math.floor(state.real) : Math.floor(state.real / blockStep) * blockStep);
  const renderRow = (item: VirtualItem, sticky: boolean) => (
    <Row
      key={item.key}
      index={item.index}
      position={sticky ? Math.round(state.stickyShift) : item.start - base}
      horizontal={horizontal}
      itemSize={options.itemSize}
      role={role}
      count={options.count}
      sticky={sticky}
      tabIndex={keyboardNavigation ? (item.index === clampedFocus ? 0 : -1) : undefined}
      className={itemClassName}
      measureElement={list.measureElement}
      renderItem={renderItem}
    />
  );

  const stickyItem = state.stickyIndex >= 0 ? items.find((item) => item.index === state.stickyIndex) : undefined;
  const spacer = (
    <div
      ref={setSpacer}
      role={role}
      {...(role === 'grid' ? { 'aria-rowcount': options.count } : {})}
      aria-label={ariaLabel}
      aria-labelledby={ariaLabelledby}
      style={{
        position: 'relative',
        // Chromium's scroll anchoring would move the scroll offset when rows are re-placed; the
        // virtualizer keeps rows in place itself.
        overflowAnchor: 'none',
        ...(horizontal ? { width: state.scrollSize, height: '100%' } : { height: state.scrollSize, width: '100%' }),
      }}
    >
      {stickyItem && (
        <div style={horizontal ? stickyWrapperStyleHorizontal : stickyWrapperStyle}>{renderRow(stickyItem, true)}</div>
      )}
      <div
        style={
          horizontal
            ? { position: 'absolute', top: 0, left: base, height: '100%' }
            : { position: 'absolute', top: base, left: 0, width: '100%' }
        }
      >
        {items.map((item) => (item === stickyItem ? null : renderRow(item, false)))}
      </div>
    </div>
  );
  if (useWindowScroll) return spacer;
  return (
    <div
      ref={scroller}
      className={className}
      style={{ overflow: 'auto', position: 'relative', contain: 'strict', ...style }}
    >
      {spacer}
    </div>
  );
});
