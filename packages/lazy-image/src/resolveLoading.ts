/** How an image gets loaded. */
export type LoadingStrategy =
  | { kind: 'eager' }
  | { kind: 'native' }
  | { kind: 'observer'; rootMargin: string };

/** Inputs of {@link resolveLoading}. */
export interface LoadingInput {
  priority: boolean;
  rootMargin: string | undefined;
  constrained: boolean;
}

/**
 * Picks the loading path. Priority images load at once. A custom distance needs an IntersectionObserver,
 * because `loading="lazy"` has a browser-chosen distance (1250-2500 px in Chromium). On a constrained
 * network we also take the observer with no margin: Chromium loads lazy images *earlier* on slow networks,
 * the opposite of what saves data.
 */
export function resolveLoading({ priority, rootMargin, constrained }: LoadingInput): LoadingStrategy {
  if (priority) return { kind: 'eager' };
  if (constrained) return { kind: 'observer', rootMargin: '0px' };
  if (rootMargin !== undefined) return { kind: 'observer', rootMargin };
  return { kind: 'native' };
}
