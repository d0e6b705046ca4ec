import { createScrollScale, type ScrollScale } from './createScrollScale.js';
import { createSizeModel, type SizeModel } from './createSizeModel.js';
import { alignOffset } from './alignOffset.js';
import { createReachTracker } from './createReachTracker.js';
import { findStickyIndex } from './findStickyIndex.js';
import { isPrepend, type PrependAnchor } from './prependAnchor.js';
import { smoothOffset, smoothScrollEnded, type SmoothScroll } from './smoothScroll.js';
import type { ScrollAlign, ScrollBehavior, Virtualizer, VirtualizerOptions, VirtualState } from './types.js';

export type * from './types.js';

const defaultKey = (index: number) => index;

// Whether a re-render is needed: anything that moves, adds or removes a rendered row.
function changed(a: VirtualState, b: VirtualState): boolean {
  return (
    a.startIndex !== b.startIndex ||
    a.endIndex !== b.endIndex ||
    a.renderStart !== b.renderStart ||
    a.renderEnd !== b.renderEnd ||
    // Rows are placed at (virtual start - offset + real): only the difference moves them.
    a.offset - a.real !== b.offset - b.real ||
    a.viewportSize !== b.viewportSize ||
    a.scrollSize !== b.scrollSize ||
    a.stickyIndex !== b.stickyIndex ||
    a.stickyShift !== b.stickyShift ||
    a.version !== b.version
  );
}

// Fixed sizes need no per-item memory at all; otherwise estimate + sparse measurements.
function makeModel(o: VirtualizerOptions): SizeModel {
  return o.itemSize !== undefined
    ? createSizeModel({ count: o.count, size: o.itemSize, fixed: true })
    : createSizeModel({ count: o.count, size: o.estimateSize ?? 40 });
}

/** Creates a {@link Virtualizer}. Pure state: the DOM is reached only through `options.scrollTo`. */
export function createVirtualizer(initial: VirtualizerOptions): Virtualizer {
  let options = initial;
  let model: SizeModel = makeModel(options);
  let viewport = options.initialViewportSize ?? 0;
  let maxScrollSize = options.maxScrollSize ?? Infinity;
  let scale: ScrollScale = createScrollScale(model.total(), viewport, maxScrollSize);
  let offset = 0;
  let real = 0;
  let isScrolling = false;
  let version = 0;
  let attached = false;
  let smooth: SmoothScroll | null = null;
  // A scrollToIndex keeps its alignment while measurements move the target, until the user scrolls.
  let pendingAlign: { index: number; align: ScrollAlign } | null = null;
  // The last scroll moved more than a viewport: nothing on screen was seen before, so measuring the
  // rows above needs no compensation (which would cost a DOM scroll write and a layout per frame).
  let jumped = false;
  const reportReachedEnds = createReachTracker();
  let anchor: PrependAnchor | null = null;
  const listeners = new Set<() => void>();

  const snapshot = options.initialSnapshot;
  if (snapshot && snapshot.count === options.count) {
    applyMeasurements(snapshot.measurements);
  }
  if (snapshot) offset = snapshot.offset;
  else if (options.initialOffset !== undefined) offset = options.initialOffset;
  if (options.reverse && !snapshot) pendingAlign = { index: options.count - 1, align: 'end' };
  rescale();
  if (pendingAlign) offset = alignedOffset(pendingAlign.index, pendingAlign.align);
  offset = clampVirtual(offset);
  real = scale.toReal(offset);
  let state = computeState();

  function applyMeasurements(flat: readonly number[]) {
    for (let i = 0; i + 1 < flat.length; i += 2) model.set(flat[i] ?? -1, flat[i + 1] ?? 0);
  }

  function rescale() {
    scale = createScrollScale(model.total(), viewport, maxScrollSize);
  }

  function clampVirtual(value: number) {
    return Math.min(scale.maxVirtual, Math.max(0, value));
  }

  function alignedOffset(index: number, align: ScrollAlign): number {
    return clampVirtual(alignOffset(model, index, align, offset, viewport));
  }

  function computeState(): VirtualState {
    const count = model.count;
    let startIndex = -1;
    let endIndex = -1;
    let renderStart = -1;
    let renderEnd = -1;
    let stickyIndex = -1;
    let stickyShift = 0;
    if (count > 0) {
      const overscan = options.overscan ?? 3;
      startIndex = model.indexAt(offset);
      // An item that starts exactly at the bottom edge is not visible.
      endIndex = Math.max(startIndex, model.indexAt(offset + Math.max(viewport, 1) - 0.5));
      renderStart = Math.max(0, startIndex - overscan);
      renderEnd = Math.min(count - 1, endIndex + overscan);
      const sticky = options.stickyIndexes;
      if (sticky && sticky.length > 0) {
        const { active, next } = findStickyIndex(sticky, startIndex);
        stickyIndex = active;
        if (active >= 0 && next >= 0) {
          stickyShift = Math.min(0, model.offsetOf(next) - offset - model.sizeOf(active));
        }
      }
    }
    return {
      offset,
      real,
      viewportSize: viewport,
      totalSize: model.total(),
      scrollSize: scale.scrollSize,
      scaled: scale.scaled,
      startIndex,
      endIndex,
      renderStart,
      renderEnd,
      stickyIndex,
      stickyShift,
      isScrolling,
      version,
    };
  }

  function update() {
    const next = computeState();
    const previous = state;
    if (!changed(previous, next)) {
      // Same identity, so React does not re-render: rows sit at (start - offset + real), and that
      // difference did not change. The raw offsets are still kept current for readers; so is
      // isScrolling, which moves no row: re-rendering for it cost a third React commit per scroll
      // frame wherever `scrollend` follows each step (programmatic scrolls, the end of every gesture).
      previous.offset = next.offset;
      previous.real = next.real;
      previous.isScrolling = next.isScrolling;
      reportReached();
      return;
    }
    state = next;
    const key = next.startIndex >= 0 ? getItemKey(next.startIndex) : null;
    anchor = key === null ? null : { key, index: next.startIndex };
    if (previous.startIndex !== next.startIndex || previous.endIndex !== next.endIndex) {
      options.onRangeChange?.({ startIndex: next.startIndex, endIndex: next.endIndex });
    }
    for (const listener of listeners) listener();
    reportReached();
  }

  function reportReached() {
    // Without a measured viewport nothing is known about what the user sees (SSR, before attach).
    if (!attached || viewport <= 0) return;
    reportReachedEnds({ count: model.count, total: model.total(), offset, viewport }, options);
  }

  function getItemKey(index: number) {
    return (options.getItemKey ?? defaultKey)(index);
  }

  // Moves the DOM so that it shows `offset`; only when it differs by a pixel or more.
  function syncReal(behavior: ScrollBehavior = 'auto') {
    const target = scale.toReal(offset);
    if (Math.abs(target - real) < 1) return;
    real = target;
    options.scrollTo?.(target, behavior, scale.scrollSize);
  }

  function scrollToVirtual(target: number, behavior: ScrollBehavior) {
    const to = clampVirtual(target);
    const toReal = scale.toReal(to);
    if (behavior === 'smooth' && attached && Math.abs(toReal - real) >= 1) {
      smooth = { fromVirtual: offset, fromReal: real, toVirtual: to, toReal };
      options.scrollTo?.(toReal, 'smooth', scale.scrollSize);
      return;
    }
    smooth = null;
    offset = to;
    syncReal();
    update();
  }

  function isAtEnd() {
    return offset >= scale.maxVirtual - 1;
  }

  const virtualizer: Virtualizer = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOptions(next) {
      const previous = options;
      options = { ...options, ...next };
      const sizing =
        (next.itemSize !== undefined || next.estimateSize !== undefined) &&
        (options.itemSize !== previous.itemSize || options.estimateSize !== previous.estimateSize);
      if (sizing) {
        model = makeModel(options);
        version++;
      } else if (next.count !== undefined && next.count !== model.count) {
        const wasAtEnd = attached && isAtEnd();
        const oldCount = model.count;
        const grow = next.count - oldCount;
        // Items prepended (chat history, "load older"): the anchor row's key moved by `grow`.
        const prepended = isPrepend(anchor, grow, next.count, getItemKey);
        const anchorShift = anchor ? model.offsetOf(anchor.index) - offset : 0;
        model.resize(next.count, prepended ? grow : 0);
        version++;
        rescale();
        if (prepended && anchor) {
          offset = clampVirtual(model.offsetOf(anchor.index + grow) - anchorShift);
          if (pendingAlign) pendingAlign = { ...pendingAlign, index: pendingAlign.index + grow };
          syncReal();
        } else if (options.reverse && wasAtEnd && grow > 0) {
          pendingAlign = { index: next.count - 1, align: 'end' };
          offset = alignedOffset(next.count - 1, 'end');
          syncReal();
        }
      }
      if (next.maxScrollSize !== undefined) maxScrollSize = next.maxScrollSize;
      rescale();
      offset = clampVirtual(offset);
      update();
    },
    setViewport(size) {
      if (size === viewport) return;
      const wasAtEnd = attached && isAtEnd() && offset > 0;
      viewport = size;
      rescale();
      if (pendingAlign) offset = alignedOffset(pendingAlign.index, pendingAlign.align);
      else if (wasAtEnd && options.reverse) offset = scale.maxVirtual;
      offset = clampVirtual(offset);
      if (attached) syncReal();
      update();
    },
    attach(currentReal) {
      attached = true;
      if (offset > 0 || pendingAlign) {
        if (pendingAlign) offset = alignedOffset(pendingAlign.index, pendingAlign.align);
        real = currentReal;
        syncReal();
        update();
      } else {
        real = currentReal;
        offset = scale.toVirtual(currentReal);
        update();
      }
    },
    onScroll(rawReal, scrolling) {
      const next = Math.min(scale.maxReal, Math.max(0, rawReal));
      const delta = next - real;
      isScrolling = scrolling;
      if (smooth) {
        offset = smoothOffset(smooth, next);
        real = next;
        if (smoothScrollEnded(smooth, next, scrolling)) {
          smooth = null;
          if (pendingAlign) offset = alignedOffset(pendingAlign.index, pendingAlign.align);
          syncReal();
        }
        offset = clampVirtual(offset);
        update();
        return;
      }
      if (Math.abs(delta) >= 1) pendingAlign = null;
      jumped = Math.abs(delta) > viewport;
      if (!scale.scaled) {
        real = next;
        offset = scale.toVirtual(next);
      } else {
        real = next;
        // Wheel, touch, arrow keys and page keys move a row's worth at a time: apply them 1:1 so they
        // stay precise. Anything bigger (scrollbar drag, Home/End, scripts) maps linearly.
        offset = Math.abs(delta) <= Math.max(2 * viewport, 200) ? clampVirtual(offset + delta) : scale.toVirtual(next);
        // 1:1 steps drift away from the linear map; once the gesture ends (or the DOM hits an edge
        // while the list has not) the scrollbar is re-synced, which moves no row on screen.
        const atDomEdge = (next <= 0 && offset > 0) || (next >= scale.maxReal && offset < scale.maxVirtual);
        if (!scrolling || atDomEdge) syncReal();
      }
      update();
    },
    measure(entries) {
      let adjust = 0;
      let dirty = false;
      const keepEnd = options.reverse && attached && isAtEnd();
      for (const [index, size] of entries) {
        const start = model.offsetOf(index);
        const delta = model.set(index, size);
        if (delta === 0) continue;
        dirty = true;
        // Rows above the top edge grew or shrank: move the offset with them so nothing on screen jumps.
        if (start < offset && !jumped) adjust += delta;
      }
      if (!dirty) return;
      version++;
      rescale();
      if (pendingAlign && !smooth) offset = alignedOffset(pendingAlign.index, pendingAlign.align);
      else if (keepEnd) offset = scale.maxVirtual;
      else offset += adjust;
      offset = clampVirtual(offset);
      if (attached && !smooth) {
        // Scaled lists render relative to the DOM offset, so they absorb the change without a DOM write.
        if (!scale.scaled) syncReal();
      }
      update();
    },
    isMeasured: (index) => model.isMeasured(index),
    getItemRect(index) {
      return { start: model.offsetOf(index) - state.offset + state.real, size: model.sizeOf(index) };
    },
    getItemKey,
    scrollToIndex(index, { align = 'auto', behavior = 'auto' } = {}) {
      if (!Number.isInteger(index)) throw new RangeError(`scrollToIndex needs an integer index, got ${index}`);
      if (model.count === 0) return;
      const i = Math.min(model.count - 1, Math.max(0, index));
      const target = alignedOffset(i, align);
      // `auto` on a visible item does nothing and must not pin the list there afterwards.
      pendingAlign =
        target === offset && align === 'auto'
          ? null
          : { index: i, align: align === 'auto' ? (target > offset ? 'end' : 'start') : align };
      scrollToVirtual(target, behavior);
    },
    scrollToOffset(target, { behavior = 'auto' } = {}) {
      if (!Number.isFinite(target)) throw new RangeError(`scrollToOffset needs a finite offset, got ${target}`);
      pendingAlign = null;
      scrollToVirtual(target, behavior);
    },
    getSnapshot: () => ({ offset, measurements: model.measurements(), count: model.count }),
  };
  return virtualizer;
}
