/** Options of {@link createGroupCommit}. */
export interface GroupCommitOptions<T, R> {
  /** Writes a batch durably and returns one outcome per item, in order; an Error outcome rejects that item. */
  flush: (items: T[]) => Promise<(R | Error)[]>;
  /** Largest batch handed to `flush`, in units of `weight`. A single item heavier than that goes alone. @default 1000 */
  maxBatch?: number;
  /** How much of `maxBatch` an item takes (e.g. the beacons of a journal entry). @default 1 per item */
  weight?: (item: T) => number;
  /** Flushes allowed in flight at once (the store must accept concurrent batches). @default 1 */
  concurrency?: number;
  /**
   * When a flush of several items throws, flush each of them alone, so that one item the store refuses (a poison
   * beacon) does not take its batch-mates down; only the items that fail alone are rejected. Without it, every item
   * of the failed batch is rejected. @default false
   */
  isolateFailures?: boolean;
}

/** Queues items and writes them in batches. */
export interface GroupCommit<T, R> {
  /** Resolves once the batch holding `item` was flushed (rejects if that flush failed). */
  add(item: T): Promise<R>;
  /** Resolves when everything queued so far was flushed. */
  drain(): Promise<void>;
  /** Items waiting for a flush. */
  readonly pending: number;
}

interface Waiter<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Group commit without a timer: an item flushes at once when a flush slot is free; items arriving while all
 * slots are busy wait and go together in the next flush. One sync covers many beacons, so throughput grows
 * with load while an idle collector still acknowledges at the latency of a single commit. This is the one place
 * where the ingest path batches, and where it isolates an item the store refuses.
 */
export function createGroupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  const maxBatch = options.maxBatch ?? 1000;
  const weight = options.weight ?? (() => 1);
  const concurrency = Math.max(1, options.concurrency ?? 1);
  let queue: Waiter<T, R>[] = [];
  const inFlight = new Set<Promise<void>>();

  const flushIsolated = async (items: T[]): Promise<(R | Error)[]> => {
    try {
      return await options.flush(items);
    } catch (error) {
      if (!options.isolateFailures || items.length === 1) throw error;
      const outcomes: (R | Error)[] = [];
      for (const item of items) outcomes.push(await options.flush([item]).then((r) => r[0] as R | Error, asError));
      return outcomes;
    }
  };

  const takeBatch = (): Waiter<T, R>[] => {
    let take = 0;
    let total = 0;
    while (take < queue.length && (take === 0 || total + weight(queue[take]!.item) <= maxBatch))
      total += weight(queue[take++]!.item);
    const batch = queue.slice(0, take);
    queue = queue.slice(take);
    return batch;
  };

  const pump = () => {
    while (queue.length > 0 && inFlight.size < concurrency) {
      const batch = takeBatch();
      const flight = flushIsolated(batch.map((w) => w.item))
        .then(
          (results) =>
            batch.forEach((w, i) => {
              const r = results[i];
              if (r instanceof Error) w.reject(r);
              else w.resolve(r as R);
            }),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          inFlight.delete(flight);
          pump();
        });
      inFlight.add(flight);
    }
  };

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    async drain() {
      // Flushes started while we wait are awaited too, so nothing queued before drain() is left behind.
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    get pending() {
      return queue.length;
    },
  };
}
