import type { VirtualizerOptions } from './types.js';

/** Where the list is, as {@link createReachTracker} judges it. */
export interface ReachInput {
  count: number;
  total: number;
  offset: number;
  viewport: number;
}

/**
 * Calls `onEndReached` / `onStartReached` once per `count` when the viewport comes within the threshold of an end:
 * a list whose loader has not added items yet is not asked again on every scroll event.
 */
export function createReachTracker(): (where: ReachInput, options: VirtualizerOptions) => void {
  let lastEndCount = -1;
  let lastStartCount = -1;
  return ({ count, total, offset, viewport }, options) => {
    if (
      options.onEndReached &&
      lastEndCount !== count &&
      total - (offset + viewport) <= (options.endReachedThreshold ?? 200)
    ) {
      lastEndCount = count;
      options.onEndReached(count);
    }
    if (options.onStartReached && lastStartCount !== count && offset <= (options.startReachedThreshold ?? 200)) {
      lastStartCount = count;
      options.onStartReached(count);
    }
  };
}
