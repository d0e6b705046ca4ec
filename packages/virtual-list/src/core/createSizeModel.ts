/**
 * Where every item starts and how long the whole list is, in O(1) memory for fixed sizes and in
 * memory proportional to the number of MEASURED items otherwise, so 100,000,000 rows cost nothing
 * until they are seen. Offsets are "virtual": the list's true length, before any scaling.
 */
export interface SizeModel {
  /** Number of items. */
  readonly count: number;
  /** Sum of all item sizes. */
  total(): number;
  /** Start offset of item `index` (`total()` for `index === count`). */
  offsetOf(index: number): number;
  /** Size of item `index`: measured, else the estimate. */
  sizeOf(index: number): number;
  /** Index of the item covering `offset` (clamped to `[0, count - 1]`; -1 when empty). */
  indexAt(offset: number): number;
  /** True when `index` has a measured size (always true for fixed sizes). */
  isMeasured(index: number): boolean;
  /** Records a measured size; returns the change in the item's size (0 when unchanged or fixed). */
  set(index: number, size: number): number;
  /** Changes the item count; measurements past the new end are dropped. `shift` moves every
   *  measurement by that many indexes first (items prepended: positive). */
  resize(count: number, shift?: number): void;
  /** Measured sizes as a flat `[index, size, index, size, ...]` list (JSON friendly). */
  measurements(): number[];
}

/** Options of {@link createSizeModel}. */
export interface SizeModelOptions {
  /** Number of items. */
  count: number;
  /** Size of every item when `fixed`, else the estimate used until an item is measured. */
  size: number;
  /** Every item has exactly `size`; `set` is ignored. @default false */
  fixed?: boolean;
}

function assertCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
}

/** Creates the offset/size bookkeeping for a list. */
export function createSizeModel({ count, size, fixed = false }: SizeModelOptions): SizeModel {
  assertCount(count);
  if (!(size > 0) || !Number.isFinite(size)) {
    throw new RangeError(`item size must be a positive finite number, got ${size}`);
  }
  return fixed ? createFixedModel(count, size) : createMeasuredModel(count, size);
}

function createFixedModel(initialCount: number, size: number): SizeModel {
  let count = initialCount;
  return {
    get count() {
      return count;
    },
    total: () => count * size,
    offsetOf: (index) => index * size,
    sizeOf: () => size,
    indexAt: (offset) => (count === 0 ? -1 : Math.min(count - 1, Math.max(0, Math.floor(offset / size)))),
    isMeasured: () => true,
    set: () => 0,
    resize(next) {
      assertCount(next);
      count = next;
    },
    measurements: () => [],
  };
}

/**
 * Estimate + sparse overrides. A Fenwick (binary indexed) tree over the DIFFERENCES between measured
 * sizes and the estimate, stored in a Map so that untouched nodes take no memory: prefix sums and
 * offset-to-index searches are O(log count) and memory is O(measured * log count).
 */
function createMeasuredModel(initialCount: number, estimate: number): SizeModel {
  let count = initialCount;
  let measured = new Map<number, number>();
  let tree = new Map<number, number>();
  let highBit = 0;

  const setHighBit = () => {
    highBit = count === 0 ? 0 : 2 ** Math.floor(Math.log2(count));
  };
  setHighBit();

  const addDelta = (index: number, delta: number) => {
    for (let node = index + 1; node <= count; node += node & -node) {
      tree.set(node, (tree.get(node) ?? 0) + delta);
    }
  };
  // Sum of (size - estimate) over items [0, index).
  const deltaBefore = (index: number) => {
    let sum = 0;
    for (let node = index; node > 0; node -= node & -node) sum += tree.get(node) ?? 0;
    return sum;
  };

  const model: SizeModel = {
    get count() {
      return count;
    },
    total: () => count * estimate + deltaBefore(count),
    offsetOf: (index) => index * estimate + deltaBefore(index),
    sizeOf: (index) => measured.get(index) ?? estimate,
    indexAt(offset) {
      if (count === 0) return -1;
      // Binary lifting: the largest number of leading items whose total size is <= offset.
      let pos = 0;
      let acc = 0;
      for (let step = highBit; step > 0; step >>= 1) {
        const next = pos + step;
        if (next > count) continue;
        const span = acc + (tree.get(next) ?? 0) + step * estimate;
        if (span <= offset) {
          pos = next;
          acc = span;
        }
      }
      return Math.min(pos, count - 1);
    },
    isMeasured: (index) => measured.has(index),
    set(index, size) {
      if (!Number.isInteger(index) || index < 0 || index >= count) return 0;
      if (!(size >= 0) || !Number.isFinite(size))
        throw new RangeError(`measured size must be finite and >= 0, got ${size}`);
      const previous = measured.get(index) ?? estimate;
      measured.set(index, size);
      const delta = size - previous;
      if (delta !== 0) addDelta(index, delta);
      return delta;
    },
    resize(next, shift = 0) {
      assertCount(next);
      if (next === count && shift === 0) return;
      const old = measured;
      count = next;
      measured = new Map();
      tree = new Map();
      setHighBit();
      for (const [index, size] of old) model.set(index + shift, size);
    },
    measurements() {
      const flat: number[] = [];
      for (const [index, size] of measured) flat.push(index, size);
      return flat;
    },
  };
  return model;
}
