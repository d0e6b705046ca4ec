import { detectMaxScrollSize } from './detectMaxScrollSize.js';
import type { Virtualizer } from './createVirtualizer.js';
import { observeScrollOffset, observeViewportSize } from './observeScrollElement.js';

/** Options of {@link attachScrollElement}. */
export interface AttachOptions {
  /** The element that scrolls, or the window. */
  scrollElement: Element | Window;
  /** The element holding the items (sized to `scrollSize`); with window scrolling its page offset
   *  is where the list starts. */
  spacer: HTMLElement;
  /** Lay items out left to right. @default false */
  horizontal?: boolean | undefined;
  /** Overrides the detected browser size cap (tests, embedded webviews). @default detected */
  maxScrollSize?: number | undefined;
}

const isWindow = (target: Element | Window): target is Window => 'scrollTo' in target && 'document' in target;

/**
 * Connects a {@link Virtualizer} to the DOM: viewport size and scroll offset come from
 * {@link observeViewportSize} and {@link observeScrollOffset} (ResizeObserver, scroll + scrollend with a
 * timer fallback), scroll writes go back to the element. Returns the function that detaches.
 */
export function attachScrollElement(
  virtualizer: Virtualizer,
  { scrollElement, spacer, horizontal = false, maxScrollSize }: AttachOptions,
): () => void {
  const targetWindow = isWindow(scrollElement) ? scrollElement : scrollElement.ownerDocument.defaultView;
  if (!targetWindow) throw new Error('attachScrollElement: the scroll element is not in a window');
  const windowMode = isWindow(scrollElement);
  // With window scrolling the list starts somewhere down the page; offsets are relative to it.
  let margin = 0;
  const measureMargin = () => {
    if (!windowMode) return;
    const rect = spacer.getBoundingClientRect();
    margin = horizontal ? rect.left + targetWindow.scrollX : rect.top + targetWindow.scrollY;
  };
  measureMargin();

  virtualizer.setOptions({
    maxScrollSize: maxScrollSize ?? detectMaxScrollSize(targetWindow.document),
    scrollTo(real, behavior, scrollSize) {
      // The renderer has not committed the new size yet; without this the browser would clamp
      // the scroll to the old, shorter spacer.
      spacer.style[horizontal ? 'width' : 'height'] = `${scrollSize}px`;
      const to = real + margin;
      if (typeof scrollElement.scrollTo === 'function') {
        scrollElement.scrollTo({
          [horizontal ? 'left' : 'top']: to,
          behavior: behavior === 'smooth' ? 'smooth' : 'instant',
        });
      } else if (!windowMode) {
        // Environments without Element.scrollTo (jsdom, very old engines).
        (scrollElement as Element)[horizontal ? 'scrollLeft' : 'scrollTop'] = to;
      }
    },
  });

  const readOffset = () => {
    if (windowMode) return (horizontal ? targetWindow.scrollX : targetWindow.scrollY) - margin;
    const element = scrollElement as Element;
    return horizontal ? element.scrollLeft : element.scrollTop;
  };
  const stopSize = observeViewportSize(scrollElement, horizontal, (size) => {
    measureMargin();
    virtualizer.setViewport(size);
  });
  virtualizer.attach(readOffset());
  const stopOffset = observeScrollOffset(scrollElement, { horizontal }, (offset, isScrolling) =>
    virtualizer.onScroll(offset - margin, isScrolling),
  );
  return () => {
    stopSize();
    stopOffset();
    virtualizer.setOptions({ scrollTo: undefined });
  };
}
