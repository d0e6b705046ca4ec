// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { getAll, inTransaction } from './db';
import { deleteNote, saveNote } from './editNotes';
import { flushOutbox } from './flushOutbox';
import type { LocalNote, OutboxEntry } from './types';

// The outbox against an in-memory IndexedDB and a recording fetch: ordering, idempotency keys, and what
// each kind of server answer does. The real server and service worker are covered by the browser tests.

interface Call {
  method: string;
  url: string;
  key: string;
  body: string | null;
}

function recordingFetch(answer: (call: Call, index: number) => Response | Error) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const call = {
      method: String(init.method),
      url,
      key: (init.headers as Record<string, string>)['Idempotency-Key'] ?? '',
      body: (init.body as string | null) ?? null,
    };
    calls.push(call);
    const result = answer(call, calls.length - 1);
    if (result instanceof Error) throw result;
    return result;
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const ok = (call: Call, version = 1) =>
  new Response(
    JSON.stringify({
      note: { id: call.url.split('/').pop(), itemId: 7, text: 'x', version, updatedAt: 42 },
      replaced: false,
    }),
    {
      status: 200,
    },
  );

const readAll = () =>
  inTransaction(['notes', 'outbox'], 'readonly', async (tx) => ({
    notes: await getAll<LocalNote>(tx, 'notes'),
    outbox: await getAll<OutboxEntry>(tx, 'outbox'),
  }));

beforeEach(async () => {
  await inTransaction(['notes', 'outbox'], 'readwrite', (tx) => {
    tx.objectStore('notes').clear();
    tx.objectStore('outbox').clear();
  });
});

describe('saving', () => {
  test('a note is on disk, pending, with an outbox entry before saveNote resolves', async () => {
    const note = await saveNote(7, 'hello');
    const { notes, outbox } = await readAll();
    expect(notes).toEqual([expect.objectContaining({ id: note.id, text: 'hello', status: 'pending', version: null })]);
    expect(outbox).toEqual([expect.objectContaining({ noteId: note.id, method: 'PUT', text: 'hello', attempts: 0 })]);
  });

  test('empty and oversized notes are refused with a clear message and nothing is stored', async () => {
    await expect(saveNote(7, '   ')).rejects.toThrow('cannot be empty');
    await expect(saveNote(7, 'x'.repeat(10_001))).rejects.toThrow('at most 10000');
    expect(await readAll()).toEqual({ notes: [], outbox: [] });
  });

  test('edits not yet sent are coalesced into one request', async () => {
    const note = await saveNote(7, 'one');
    await saveNote(7, 'two', note.id);
    const { outbox } = await readAll();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.text).toBe('two');
  });

  test('deleting a note that never reached the server forgets it without any request', async () => {
    const note = await saveNote(7, 'draft');
    await deleteNote(note);
    expect(await readAll()).toEqual({ notes: [], outbox: [] });
  });
});

describe('flushOutbox', () => {
  test('sends in order with one idempotency key per change, then marks the note synced', async () => {
    const first = await saveNote(7, 'first');
    const second = await saveNote(7, 'second');
    const { calls, fetchImpl } = recordingFetch((call) => ok(call));
    const result = await flushOutbox({ fetch: fetchImpl });
    expect(result).toMatchObject({ state: 'done', sent: 2, rejected: 0 });
    expect(calls.map((call) => call.url)).toEqual([`/api/notes/${first.id}`, `/api/notes/${second.id}`]);
    expect(new Set(calls.map((call) => call.key)).size).toBe(2);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ itemId: 7, text: 'first', baseVersion: null });
    const { notes, outbox } = await readAll();
    expect(outbox).toEqual([]);
    expect(notes.every((note) => note.status === 'synced' && note.version === 1)).toBe(true);
  });

  test('offline leaves everything queued', async () => {
    await saveNote(7, 'offline');
    const { fetchImpl } = recordingFetch(() => new TypeError('Failed to fetch'));
    expect(await flushOutbox({ fetch: fetchImpl })).toMatchObject({ state: 'offline', sent: 0 });
    expect((await readAll()).outbox).toHaveLength(1);
  });

  test('a 5xx backs off, then the replay sends the identical request with the same key', async () => {
    await saveNote(7, 'retry me');
    let now = 1_000_000;
    const { calls, fetchImpl } = recordingFetch((call, index) =>
      index === 0 ? new Response('{}', { status: 503 }) : ok(call),
    );
    const failed = await flushOutbox({ fetch: fetchImpl, now: () => now });
    expect(failed.state).toBe('backoff');
    expect(failed.retryAt).toBeGreaterThan(now);
    // Too early: nothing is sent.
    expect(await flushOutbox({ fetch: fetchImpl, now: () => now })).toMatchObject({ state: 'backoff', sent: 0 });
    expect(calls).toHaveLength(1);
    now = failed.retryAt as number;
    expect(await flushOutbox({ fetch: fetchImpl, now: () => now })).toMatchObject({ state: 'done', sent: 1 });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
  });

  test('a 4xx is surfaced on the note and never retried, and later changes to it wait', async () => {
    const bad = await saveNote(7, 'refused');
    const good = await saveNote(8, 'fine');
    const { calls, fetchImpl } = recordingFetch((call) =>
      call.url.endsWith(bad.id) ? new Response(JSON.stringify({ error: 'Unknown item 7' }), { status: 404 }) : ok(call),
    );
    expect(await flushOutbox({ fetch: fetchImpl })).toMatchObject({ state: 'done', sent: 1, rejected: 1 });
    const { notes } = await readAll();
    expect(notes.find((note) => note.id === bad.id)).toMatchObject({ status: 'rejected', error: 'Unknown item 7' });
    expect(notes.find((note) => note.id === good.id)).toMatchObject({ status: 'synced' });
    await flushOutbox({ fetch: fetchImpl });
    expect(calls).toHaveLength(2);
  });

  test('a delete after a synced create is sent, and the local note disappears once confirmed', async () => {
    const note = await saveNote(7, 'to delete');
    const { calls, fetchImpl } = recordingFetch((call) => ok(call));
    await flushOutbox({ fetch: fetchImpl });
    const [synced] = (await readAll()).notes;
    await deleteNote(synced as LocalNote);
    expect((await readAll()).notes[0]).toMatchObject({ deleted: true, status: 'pending' });
    await flushOutbox({ fetch: fetchImpl });
    expect(calls.map((call) => call.method)).toEqual(['PUT', 'DELETE']);
    expect(calls[1]?.url).toBe(`/api/notes/${note.id}`);
    expect(await readAll()).toEqual({ notes: [], outbox: [] });
  });
});
