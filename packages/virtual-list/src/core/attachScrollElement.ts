import {
  observeElementOffset,
  observeElementRect,
  observeWindowOffset,
  observeWindowRect,
  type Virtualizer as TanstackVirtualizer,
} from '@tanstack/virtual-core';
import { detectMaxScrollSize } from './detectMaxScrollSize.js';
import type { Virtualizer } from './createVirtualizer.js';

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
 * Connects a {@link Virtualizer} to the DOM: viewport size and scroll offset come from TanStack
 * virtual-core's observers (ResizeObserver, scroll + scrollend with a debounce fallback), scroll
 * writes go back to the element. Returns the function that detaches.
 */
export function attachScrollElement(virtualizer: Virtualizer, { scrollElement, spacer, horizontal = false, maxScrollSize }: AttachOptions): () => void {
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

  // The observers only read these fields of a TanStack Virtualizer; this object supplies them
  // without building one (whose per-item arrays are what we avoid at 100M rows).
  const host = {
    scrollElement,
    targetWindow,
    options: {
      horizontal,
      isRtl: false,
      useScrollendEvent: true,
      isScrollingResetDelay: 150,
      useAnimationFrameWithResizeObserver: false,
    },
  } as unknown as TanstackVirtualizer<Element, Element> & TanstackVirtualizer<Window, Element>;

  virtualizer.setOptions({
    maxScrollSize: maxScrollSize ?? detectMaxScrollSize(targetWindow.document),
    scrollTo(real, behavior, scrollSize) {
      // The renderer has not committed the new size yet; without this the browser would clamp
      // the scroll to the old, shorter spacer.
      spacer.style[horizontal ? 'width' : 'height'] = `${scrollSize}px`;
      const to = real + margin;
      if (typeof scrollElement.scrollTo === 'function') {
        scrollElement.scrollTo({ [horizontal ? 'left' : 'top']: to, behavior: behavior === 'smooth' ? 'smooth' : 'instant' });
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
  const onRect = (rect: { width: number; height: number }) => {
    measureMargin();
    virtualizer.setViewport(horizontal ? rect.width : rect.height);
  };
  const stopRect = windowMode ? observeWindowRect(host, onRect) : observeElementRect(host, onRect);
  virtualizer.attach(readOffset());
  const onOffset = (offset: number, isScrolling: boolean) => virtualizer.onScroll(offset - margin, isScrolling);
  const stopOffset = windowMode ? observeWindowOffset(host, onOffset) : observeElementOffset(host, onOffset);
  return () => {
    stopRect?.();
    stopOffset?.();
    virtualizer.setOptions({ scrollTo: undefined });
  };
}
