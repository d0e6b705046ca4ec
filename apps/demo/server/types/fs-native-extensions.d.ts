// fs-native-extensions ships no types; this declares the one call the demo server uses.
declare module 'fs-native-extensions' {
  /**
   * Takes an exclusive (or, with `shared`, a shared) lock on the whole file behind `fd` without waiting:
   * true when taken, false when another open file holds a conflicting lock. The fd must be open for writing
   * for an exclusive lock.
   */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
}
