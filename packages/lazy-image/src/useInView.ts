import { useEffect, useState, type RefObject } from 'react';
import { whenScrollReaches } from './scrollLookahead.js';

/**
 * True once `ref`'s element has come within `rootMargin` of the viewport, or, with `rootMargin` `''`, once it is
 * in view or the scroll will reach it within a second ({@link whenScrollReaches}). With `rootMargin` null nothing is
 * observed and it returns true (the image loads at once).
 */
export function useInView(ref: RefObject<Element | null>, rootMargin: string | null): boolean {
  const [seen, setSeen] = useState(false);
  const waiting = rootMargin !== null && !seen;
  useEffect(() => {
    const element = ref.current;
    if (!waiting || !element) return;
    const reveal = (): void => setSeen(true);
    // Without IntersectionObserver (very old browsers, jsdom) the image simply loads.
    if (!globalThis.IntersectionObserver) return reveal();
    if (!rootMargin) return whenScrollReaches(element, reveal);
    // One observer per fixed distance and image: simpler than a shared registry, and browsers batch observers.
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && reveal(), {
      rootMargin,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, rootMargin, waiting]);
  return !waiting;
}
