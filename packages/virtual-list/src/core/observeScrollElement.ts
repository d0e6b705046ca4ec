/** A scrolling element or a window, as {@link observeViewportSize} and {@link observeScrollOffset} take it. */
export type ScrollTarget = Element | Window;

const isWindow = (target: ScrollTarget): target is Window => 'document' in target && 'scrollTo' in target;
const passive: AddEventListenerOptions = { passive: true };

/**
 * Calls `onSize` with the viewport's length along the scroll axis now and whenever it changes: a
 * ResizeObserver on an element, the `resize` event on a window. Returns the function that stops.
 */
export function observeViewportSize(
  target: ScrollTarget,
  horizontal: boolean,
  onSize: (size: number) => void,
): () => void {
  if (isWindow(target)) {
    const read = () => onSize(horizontal ? target.innerWidth : target.innerHeight);
    read();
    target.addEventListener('resize', read, passive);
    return () => target.removeEventListener('resize', read);
  }
  // clientWidth/clientHeight: the box the rows show in, without border and scrollbar. Read inside the
  // ResizeObserver callback, where layout is already clean, so the read forces no extra layout.
  const read = () => onSize(horizontal ? target.clientWidth : target.clientHeight);
  read();
  const ResizeObserverOfWindow = target.ownerDocument.defaultView?.ResizeObserver;
  if (!ResizeObserverOfWindow) return () => {};
  const observer = new ResizeObserverOfWindow(read);
  observer.observe(target);
  return () => observer.disconnect();
}

/** Options of {@link observeScrollOffset}. */
export interface ObserveScrollOffsetOptions {
  horizontal: boolean;
  /** Without `scrollend` (Safari before 26), a scroll counts as ended after this much quiet. @default 150 */
  resetDelay?: number | undefined;
}

/**
 * Calls `onOffset(offset, isScrolling)` on every `scroll` event (isScrolling true) and when the
 * scroll ends (`scrollend`, or `resetDelay` ms without a scroll event where `scrollend` is missing).
 * Returns the function that stops.
 */
export function observeScrollOffset(
  target: ScrollTarget,
  { horizontal, resetDelay = 150 }: ObserveScrollOffsetOptions,
  onOffset: (offset: number, isScrolling: boolean) => void,
): () => void {
  const read = isWindow(target)
    ? () => (horizontal ? target.scrollX : target.scrollY)
    : () => (horizontal ? target.scrollLeft : target.scrollTop);
  const view = isWindow(target) ? target : target.ownerDocument.defaultView;
  const hasScrollEnd = view !== null && 'onscrollend' in view;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onEnd = () => {
    timer = undefined;
    onOffset(read(), false);
  };
  const onScroll = () => {
    if (!hasScrollEnd) {
      clearTimeout(timer);
      timer = setTimeout(onEnd, resetDelay);
    }
    onOffset(read(), true);
  };
  target.addEventListener('scroll', onScroll, passive);
  if (hasScrollEnd) target.addEventListener('scrollend', onEnd, passive);
  return () => {
    target.removeEventListener('scroll', onScroll);
    if (hasScrollEnd) target.removeEventListener('scrollend', onEnd);
    clearTimeout(timer);
  };
}
