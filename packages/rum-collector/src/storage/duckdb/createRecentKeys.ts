/** Recently stored (pageViewId, seq) keys, to skip a duplicate without a database round trip. @internal */
export interface RecentKeys {
  has(key: string): boolean;
  add(key: string): void;
  delete(key: string): void;
}

/** Two generations of keys: bounded memory (about `limit` keys), O(1) lookups, the older half forgotten first. @internal */
export function createRecentKeys(limit: number): RecentKeys {
  let current = new Set<string>();
  let previous = new Set<string>();
  return {
    has: (key) => current.has(key) || previous.has(key),
    delete(key) {
      current.delete(key);
      previous.delete(key);
    },
    add(key) {
      current.add(key);
      if (current.size >= limit / 2) {
        previous = current;
        current = new Set();
      }
    },
  };
}
