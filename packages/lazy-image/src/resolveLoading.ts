/** How an image gets loaded. */
export type LoadingStrategy = { kind: 'eager' } | { kind: 'native' } | { kind: 'observer'; rootMargin: string };

/** Inputs of {@link resolveLoading}. */
export interface LoadingInput {
  priority: boolean;
  rootMargin: string | undefined;
  constrained: boolean;
}

/**
 * The IntersectionObserver `rootMargin` an image waits for, or `null` when it is not observed (priority images
 * load at once, the others use native `loading="lazy"`). A custom distance needs an observer, because
 * `loading="lazy"` has a browser-chosen distance (1250-2500 px in Chromium). On a constrained network we also
 * take the observer with no margin: Chromium loads lazy images *earlier* on slow networks, the opposite of
 * what saves data. `<LazyImage>` uses this bare form; {@link resolveLoading} names the outcome.
 */
export function observerMargin(
  priority: boolean | undefined,
  rootMargin: string | undefined,
  constrained: boolean,
): string | null {
  return priority ? null : constrained ? '0px' : (rootMargin ?? null);
}

/** Picks the loading path: eager for priority images, else an observer or native lazy loading ({@link observerMargin}). */
export function resolveLoading({ priority, rootMargin, constrained }: LoadingInput): LoadingStrategy {
  const margin = observerMargin(priority, rootMargin, constrained);
  return margin === null ? { kind: priority ? 'eager' : 'native' } : { kind: 'observer', rootMargin: margin };
}
