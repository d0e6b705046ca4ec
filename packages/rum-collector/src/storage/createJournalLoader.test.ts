import { describe, expect, it, vi } from 'vitest';
import { makeBeacon } from '../test-utils/makeBeacon.js';
import { createJournalLoader } from './createJournalLoader.js';
import type { ReceivedBeacon } from './types.js';

const entry = (id: number, n = 1, duplicates = 0) => ({
  id,
  beacons: Array.from({ length: n }, (): ReceivedBeacon => ({ beacon: makeBeacon(), receivedAt: id })),
  duplicates,
});

describe('createJournalLoader', () => {
  it('stores entries that piled up during a commit together, then releases them', async () => {
    const commits: { beacons: number; duplicates: number; id: number }[] = [];
    const released: number[] = [];
    let unblock!: () => void;
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    const loader = createJournalLoader({
      storedUpTo: 0,
      store: async (beacons, duplicates, id) => {
        if (commits.length === 0) await blocked;
        commits.push({ beacons: beacons.length, duplicates, id });
      },
      release: async (id) => void released.push(id),
      onError: () => undefined,
    });
    loader.push(entry(1));
    loader.push(entry(2, 2, 1));
    loader.push(entry(3, 1, 2));
    const caughtUp = loader.caughtUp();
    unblock();
    await caughtUp;
    expect(commits).toEqual([
      { beacons: 1, duplicates: 0, id: 1 },
      { beacons: 3, duplicates: 3, id: 3 },
    ]);
    expect(released).toEqual([1, 3]);
    expect(loader.storedUpTo).toBe(3);
  });

  it('keeps a failed batch and retries it; queries wait until it is stored', async () => {
    const errors: unknown[] = [];
    let attempts = 0;
    const loader = createJournalLoader({
      storedUpTo: 5,
      retryMs: 1,
      store: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('disk full');
      },
      release: async () => undefined,
      onError: (error) => errors.push(error),
    });
    await loader.caughtUp(); // nothing pending: resolves at once
    loader.push(entry(6));
    await loader.caughtUp();
    expect(attempts).toBe(3);
    expect(errors.map(String)).toEqual(['Error: disk full', 'Error: disk full']);
    expect(loader.storedUpTo).toBe(6);
  });

  it('splits a large backlog at maxBatch beacons, never splitting an entry', async () => {
    const sizes: number[] = [];
    const loader = createJournalLoader({
      storedUpTo: 0,
      maxBatch: 3,
      store: async (beacons) => void sizes.push(beacons.length),
      release: async () => undefined,
      onError: () => undefined,
    });
    for (const [id, n] of [
      [1, 2],
      [2, 2],
      [3, 4],
      [4, 1],
    ] as const)
      loader.push(entry(id, n));
    await loader.caughtUp();
    // The first entry starts its commit before the rest arrive.
    expect(sizes).toEqual([2, 2, 4, 1]);
  });

  it('with lingerMs, holds entries for one commit until the time passes, maxBatch beacons wait, or a query asks', async () => {
    vi.useFakeTimers();
    try {
      const sizes: number[] = [];
      const loader = createJournalLoader({
        storedUpTo: 0,
        maxBatch: 5,
        lingerMs: 200,
        store: async (beacons) => void sizes.push(beacons.length),
        release: async () => undefined,
        onError: () => undefined,
      });
      loader.push(entry(1));
      loader.push(entry(2, 2));
      await vi.advanceTimersByTimeAsync(199);
      expect(sizes).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(sizes).toEqual([3]);

      loader.push(entry(3, 2));
      loader.push(entry(4, 3)); // 5 waiting: maxBatch reached, no wait
      await vi.advanceTimersByTimeAsync(0);
      expect(sizes).toEqual([3, 5]);

      loader.push(entry(5));
      await loader.caughtUp(); // a query does not wait for the timer
      expect(sizes).toEqual([3, 5, 1]);
      expect(loader.storedUpTo).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });
});
