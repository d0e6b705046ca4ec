import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './createGroupCommit.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('createGroupCommit', () => {
  it('flushes the first item alone and groups items that arrive during a flush', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const commit = createGroupCommit<number, number>({
      flush: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        return items.map(() => batches.length);
      },
    });
    const first = commit.add(1);
    const rest = [2, 3, 4].map((n) => commit.add(n));
    expect(commit.pending).toBe(3);
    gate.resolve();
    expect(await first).toBe(1);
    expect(await Promise.all(rest)).toEqual([2, 2, 2]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('respects maxBatch and concurrency, and drain waits for every flush', async () => {
    let running = 0;
    let peak = 0;
    const sizes: number[] = [];
    const commit = createGroupCommit<number, void>({
      maxBatch: 2,
      concurrency: 2,
      flush: async (items) => {
        running += 1;
        peak = Math.max(peak, running);
        sizes.push(items.length);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return items.map(() => undefined);
      },
    });
    for (let i = 0; i < 7; i++) void commit.add(i);
    await commit.drain();
    expect(peak).toBe(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(7);
    expect(Math.max(...sizes)).toBe(2);
    expect(commit.pending).toBe(0);
  });

  it('rejects every item of a failed batch, and later batches still flush', async () => {
    let calls = 0;
    const commit = createGroupCommit<number, string>({
      flush: async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
        return items.map((n) => (n === 3 ? new Error('bad item') : 'ok'));
      },
    });
    await expect(commit.add(1)).rejects.toThrow('disk full');
    await expect(commit.add(2)).resolves.toBe('ok');
    await expect(commit.add(3)).rejects.toThrow('bad item');
  });
});

describe('createGroupCommit batches by weight and isolates refused items', () => {
  it('fills maxBatch by weight, and sends an item heavier than maxBatch alone', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const commit = createGroupCommit<number, void>({
      maxBatch: 3,
      weight: (n) => n,
      flush: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        return items.map(() => undefined);
      },
    });
    const added = [2, 1, 1, 1, 5, 0, 1].map((n) => commit.add(n));
    gate.resolve();
    await Promise.all(added);
    expect(batches).toEqual([[2], [1, 1, 1], [5], [0, 1]]);
  });

  it('with isolateFailures, retries a failed batch one item at a time and rejects only what fails alone', async () => {
    const batches: string[][] = [];
    const gate = deferred();
    const commit = createGroupCommit<string, string>({
      isolateFailures: true,
      flush: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        if (items.includes('poison')) throw new Error('refused');
        return items.map((item) => `stored ${item}`);
      },
    });
    const first = commit.add('a');
    const rest = ['b', 'poison', 'c'].map((item) => commit.add(item).catch((error: Error) => error.message));
    gate.resolve();
    expect(await first).toBe('stored a');
    expect(await Promise.all(rest)).toEqual(['stored b', 'refused', 'stored c']);
    expect(batches).toEqual([['a'], ['b', 'poison', 'c'], ['b'], ['poison'], ['c']]);
  });
});
