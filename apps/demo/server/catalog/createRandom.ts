/**
 * A seeded PRNG (mulberry32): the same seed always gives the same sequence, so an item and its image can be
 * rebuilt from the id alone instead of being stored. Not for anything secret.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Spreads nearby integers (ids 1, 2, 3...) over the whole 32-bit range, so neighbouring items do not start
 * from neighbouring PRNG states. The `salt` gives independent streams for the item and its image.
 */
export function seedFor(id: number, salt: number): number {
  let h = Math.imul(id ^ salt, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Picks one element of a non-empty list. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}
