import { describe, expect, test } from 'vitest';
import type { ServerNote } from '../catalog/types';
import { mergeServerNotes, visibleNotes } from './mergeServerNotes';
import type { LocalNote } from './types';

const server = (id: string, version: number, text: string, updatedAt = 1_000): ServerNote => ({
  id,
  itemId: 1,
  text,
  version,
  updatedAt,
});
const local = (id: string, patch: Partial<LocalNote> = {}): LocalNote => ({
  id,
  itemId: 1,
  text: 'mine',
  version: 1,
  updatedAt: 1_000,
  status: 'synced',
  deleted: false,
  ...patch,
});

describe('mergeServerNotes', () => {
  test('adds notes this device has never seen', () => {
    const plan = mergeServerNotes([], [server('a', 1, 'hello')], 2_000, 5_000);
    expect(plan.put).toEqual([{ ...server('a', 1, 'hello'), status: 'synced', deleted: false }]);
    expect(plan.remove).toEqual([]);
  });

  test('a newer server copy replaces a synced one and flags it when the text differs', () => {
    const plan = mergeServerNotes([local('a', { text: 'mine', version: 1 })], [server('a', 3, 'theirs')], 2_000, 5_000);
    expect(plan.put[0]).toMatchObject({ text: 'theirs', version: 3, replacedAt: 5_000 });
  });

  test('same text at a newer version is not a replacement the user must hear about', () => {
    const plan = mergeServerNotes([local('a', { text: 'same', version: 1 })], [server('a', 2, 'same')], 2_000, 5_000);
    expect(plan.put[0]?.replacedAt).toBeUndefined();
  });

  test('pending and rejected local changes win until they are sent or discarded', () => {
    const mine = [local('a', { status: 'pending', text: 'offline edit' }), local('b', { status: 'rejected' })];
    const plan = mergeServerNotes(mine, [server('a', 5, 'theirs'), server('b', 5, 'theirs')], 2_000, 5_000);
    expect(plan.put).toEqual([]);
  });

  test('an older or equal server version (a cached list) never rolls a note back', () => {
    const plan = mergeServerNotes([local('a', { version: 4, text: 'v4' })], [server('a', 3, 'v3')], 2_000, 5_000);
    expect(plan.put).toEqual([]);
  });

  test('a synced note missing from a newer list was deleted elsewhere', () => {
    const plan = mergeServerNotes([local('a', { updatedAt: 1_000 })], [], 2_000, 5_000);
    expect(plan.remove).toEqual(['a']);
  });

  test('a list older than the local copy does not delete it', () => {
    const plan = mergeServerNotes([local('a', { updatedAt: 3_000 })], [], 2_000, 5_000);
    expect(plan.remove).toEqual([]);
  });

  test('never-synced local notes are kept', () => {
    const plan = mergeServerNotes([local('a', { version: null, status: 'pending' })], [], 9_000, 9_000);
    expect(plan.remove).toEqual([]);
  });
});

test('visibleNotes hides deletions and sorts newest first', () => {
  const notes = [
    local('old', { updatedAt: 1 }),
    local('gone', { deleted: true, updatedAt: 5 }),
    local('new', { updatedAt: 9 }),
  ];
  expect(visibleNotes(notes).map((note) => note.id)).toEqual(['new', 'old']);
});
