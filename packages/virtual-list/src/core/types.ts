// The virtualizer's public types: options (who supplies what), state, and the object itself.
/** Where to put an item when scrolling to it. `auto` moves as little as possible (none if visible). */
export type ScrollAlign = 'start' | 'center' | 'end' | 'auto';
/** `smooth` animates (browser scroll animation); `auto` jumps. */
export type ScrollBehavior = 'auto' | 'smooth';

/** Options of `scrollToIndex` / `scrollToOffset`. */
export interface ScrollToOptions {
  /** @default 'auto' */
  align?: ScrollAlign;
  /** @default 'auto' */
  behavior?: ScrollBehavior;
}

/** Visible range reported by `onRangeChange` (inclusive indexes, -1 when empty). */
export interface VisibleRange {
  startIndex: number;
  endIndex: number;
}

/** A serializable picture of the scroll position, to restore a list after navigating away. */
export interface ScrollSnapshot {
  /** Virtual scroll offset in px. */
  offset: number;
  /** Measured sizes, flat `[index, size, ...]`. */
  measurements: number[];
  /** Item count when taken (measurements are dropped if the count changed). */
  count: number;
}

/** What the virtualizer needs; the React layer and the DOM adapter fill most of it. */
export interface VirtualizerOptions {
  /** Number of items. Required. */
  count: number;
  /** Exact size of every item in px; items are then never measured (O(1) memory). @default undefined (measured) */
  itemSize?: number | undefined;
  /** Estimated size in px of unmeasured items when `itemSize` is not given. @default 40 */
  estimateSize?: number | undefined;
  /** Items rendered beyond each edge of the viewport. Rows are rendered before paint on every scroll
   *  event, so this only covers what the compositor scrolls ahead of the main thread. @default 3 */
  overscan?: number | undefined;
  /** Largest scroll size the browser supports; supplied by the DOM adapter. @default Infinity */
  maxScrollSize?: number | undefined;
  /** Viewport size before it is measured (SSR and first render). @default 0 */
  initialViewportSize?: number | undefined;
  /** Virtual offset to start at. @default 0 */
  initialOffset?: number | undefined;
  /** Restores offset and measurements taken by `getSnapshot()`; wins over `initialOffset`. @default undefined */
  initialSnapshot?: ScrollSnapshot | undefined;
  /** Start at the end and follow appended items while at the end (chat, logs). @default false */
  reverse?: boolean | undefined;
  /** Sorted indexes of group headers that stick to the top. @default [] */
  stickyIndexes?: readonly number[] | undefined;
  /** Stable key of an item; also lets prepends keep the visible rows in place. @default index */
  getItemKey?: ((index: number) => string | number) | undefined;
  /** Called when the visible (not overscanned) range changes. @default undefined */
  onRangeChange?: ((range: VisibleRange) => void) | undefined;
  /** Called once per `count` when the end is within `endReachedThreshold` px (also for short content). @default undefined */
  onEndReached?: ((count: number) => void) | undefined;
  /** Called once per `count` when the start is within `startReachedThreshold` px. @default undefined */
  onStartReached?: ((count: number) => void) | undefined;
  /** @default 200 */
  endReachedThreshold?: number | undefined;
  /** @default 200 */
  startReachedThreshold?: number | undefined;
  /** Performs a DOM scroll to a real (scaled) offset, after giving the spacer `scrollSize`;
   *  supplied by the DOM adapter. @default undefined (no DOM) */
  scrollTo?: ((real: number, behavior: ScrollBehavior, scrollSize: number) => void) | undefined;
}

/** Everything a renderer needs; a new object only when something visible changed (`offset`, `real` and
 *  `isScrolling` are otherwise updated in place). */
export interface VirtualState {
  /** Virtual scroll offset (px into the full-length list). */
  offset: number;
  /** DOM scroll offset (px into the spacer). */
  real: number;
  viewportSize: number;
  /** Full virtual length of the list. */
  totalSize: number;
  /** Size to give the spacer element (the total, capped for the browser). */
  scrollSize: number;
  /** True when the list is longer than the browser can scroll and offsets are mapped. */
  scaled: boolean;
  /** First and last visible item, -1 when empty. */
  startIndex: number;
  endIndex: number;
  /** First and last rendered item, overscan included. */
  renderStart: number;
  renderEnd: number;
  /** Header stuck to the top (-1: none) and how far the next header pushes it up (px, <= 0). */
  stickyIndex: number;
  stickyShift: number;
  /** A scroll gesture is under way. Updated in place: a change of it alone notifies no subscriber
   *  (it moves no row), so read it from `getState()` rather than render from it. */
  isScrolling: boolean;
  /** Increments whenever item sizes change. */
  version: number;
}

/** The React-free virtualizer: scroll offset, scaling, ranges and measurement bookkeeping. */
export interface Virtualizer {
  getState(): VirtualState;
  subscribe(listener: () => void): () => void;
  setOptions(options: Partial<VirtualizerOptions>): void;
  setViewport(size: number): void;
  /** Reports a DOM scroll offset; `isScrolling` false marks the end of a scroll gesture. */
  onScroll(real: number, isScrolling: boolean): void;
  /** Called once a scroll element is attached: restores the wanted offset or adopts the DOM's. */
  attach(currentReal: number): void;
  /** Records measured item sizes (px). */
  measure(entries: ReadonlyArray<readonly [index: number, size: number]>): void;
  isMeasured(index: number): boolean;
  /** Position of an item inside the spacer element (DOM px) and its size. */
  getItemRect(index: number): { start: number; size: number };
  getItemKey(index: number): string | number;
  scrollToIndex(index: number, options?: ScrollToOptions): void;
  scrollToOffset(offset: number, options?: Pick<ScrollToOptions, 'behavior'>): void;
  getSnapshot(): ScrollSnapshot;
}
