import { useEffect, useState, type RefObject } from 'react';

/**
 * True once `ref`'s element has come within `rootMargin` of the viewport. With `rootMargin` null
 * nothing is observed and it returns true (the browser decides when to load).
 */
export function useInView(ref: RefObject<Element | null>, rootMargin: string | null): boolean {
  const [seen, setSeen] = useState(false);
  const waiting = rootMargin !== null && !seen;
  useEffect(() => {
    const element = ref.current;
    if (!waiting || !element) return;
    // Without IntersectionObserver (very old browsers, jsdom) the image simply loads.
    if (!globalThis.IntersectionObserver) return setSeen(true);
    // One observer per image: simpler than a shared registry, and browsers batch observers cheaply.
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && setSeen(true),
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, rootMargin, waiting]);
  return !waiting;
}
