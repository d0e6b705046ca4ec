/** How an image gets loaded. */
export type LoadingStrategy =
  { kind: 'eager' } | { kind: 'scroll-lookahead' } | { kind: 'observer'; rootMargin: string };

/** Inputs of {@link resolveLoading}. */
export interface LoadingInput {
  priority: boolean;
  rootMargin: string | undefined;
  constrained: boolean;
}

/**
 * The IntersectionObserver `rootMargin` an image waits for: `null` when it is not observed (priority images load at
 * once), `''` for the default scroll look-ahead (in view, or reached by the scroll within a second). A custom
 * distance gets its own observer. On a constrained network the image waits until it is in view (`'0px'`): no
 * bytes go to images the user may never scroll to. `<LazyImage>` uses this bare form; {@link resolveLoading} names
 * the outcome.
 */
export function observerMargin(
  priority: boolean | undefined,
  rootMargin: string | undefined,
  constrained: boolean,
): string | null {
  return priority ? null : constrained ? '0px' : (rootMargin ?? '');
}

/** Picks the loading path: eager for priority images, else a fixed distance or the scroll look-ahead ({@link observerMargin}). */
export function resolveLoading({ priority, rootMargin, constrained }: LoadingInput): LoadingStrategy {
  const margin = observerMargin(priority, rootMargin, constrained);
  return margin === null
    ? { kind: 'eager' }
    : margin
      ? { kind: 'observer', rootMargin: margin }
      : { kind: 'scroll-lookahead' };
}
