import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/startTestServer.js';
import { createNoteStore, type WriteOutcome } from './createNoteStore.js';
import type { StoredNote } from './Note.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function storeDir(): Promise<string> {
  const dir = await makeTempDir('notes');
  cleanups.push(dir.remove);
  return dir.path;
}

/** A write that sets the note's text, as the PUT route does. */
const setText =
  (id: string, text: string) =>
  (current: StoredNote | undefined, now: number): WriteOutcome => {
    const note = { id, itemId: 1, text, version: (current?.version ?? 0) + 1, updatedAt: now, deleted: false };
    return { status: 200, body: { note }, note };
  };

const lineCount = async (dir: string): Promise<number> =>
  (await readFile(join(dir, 'notes.log'), 'utf8')).split('\n').filter(Boolean).length;

describe('createNoteStore', () => {
  it('runs concurrent writes one at a time, in arrival order', async () => {
    const store = await createNoteStore(await storeDir());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        store.write(`key-${index}`, `f${index}`, 'note-aaaa', setText('note-aaaa', `v${index}`)),
      ),
    );
    expect(
      results.map((result) => (result.kind === 'mismatch' ? 0 : (result.body as { note: StoredNote }).note.version)),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(store.notesOfItem(1)).toEqual([expect.objectContaining({ text: 'v9', version: 10 })]);
    await store.close();
  });

  it('applies a key repeated within one group commit once, and fails only the write that throws', async () => {
    const dir = await storeDir();
    const store = await createNoteStore(dir);
    const [first, repeat, broken, other] = await Promise.allSettled([
      store.write('key-1', 'f1', 'note-aaaa', setText('note-aaaa', 'one')),
      store.write('key-1', 'f1', 'note-aaaa', setText('note-aaaa', 'one')),
      store.write('key-2', 'f2', 'note-aaaa', () => {
        throw new Error('boom');
      }),
      store.write('key-3', 'f3', 'note-aaaa', setText('note-aaaa', 'two')),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { kind: 'applied' } });
    expect(repeat).toMatchObject({ status: 'fulfilled', value: { kind: 'replayed' } });
    expect(broken).toMatchObject({ status: 'rejected', reason: new Error('boom') });
    expect(other).toMatchObject({ status: 'fulfilled', value: { kind: 'applied', body: { note: { version: 2 } } } });
    expect(await lineCount(dir)).toBe(2);
    await store.close();
    await expect(store.write('key-4', 'f4', 'note-aaaa', setText('note-aaaa', 'late'))).rejects.toThrow(/closed/);
  });

  it('does not record refused writes, so their key stays usable', async () => {
    const store = await createNoteStore(await storeDir());
    const refused = await store.write('key-1', 'f1', 'note-aaaa', () => ({ status: 404, body: { error: 'no' } }));
    expect(refused).toEqual({ kind: 'applied', status: 404, body: { error: 'no' } });
    const applied = await store.write('key-1', 'f1', 'note-aaaa', setText('note-aaaa', 'ok'));
    expect(applied.kind).toBe('applied');
    await store.close();
  });

  it('compacts the log at open once keys expire, keeping the latest note', async () => {
    const dir = await storeDir();
    let clock = 1_000;
    const store = await createNoteStore(dir, { now: () => clock });
    for (let index = 0; index < 5; index++)
      await store.write(`key-${index}`, 'f', 'note-aaaa', setText('note-aaaa', `v${index}`));
    await store.close();
    expect(await lineCount(dir)).toBe(5);

    const reopened = await createNoteStore(dir, { now: () => clock });
    // Every line still holds a replayable key: nothing to drop yet.
    expect(await lineCount(dir)).toBe(5);
    expect(reopened.notesOfItem(1)).toEqual([expect.objectContaining({ text: 'v4', version: 5 })]);
    expect((await reopened.write('key-0', 'f', 'note-aaaa', setText('note-aaaa', 'again'))).kind).toBe('replayed');
    await reopened.close();

    // A month later the keys have expired and are dropped; the note stays.
    clock += 31 * 24 * 3600 * 1000;
    const later = await createNoteStore(dir, { now: () => clock });
    expect(await lineCount(dir)).toBe(1);
    expect(later.notesOfItem(1)).toHaveLength(1);
    await later.close();
  });
});
