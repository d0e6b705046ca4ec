import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer } from './createDemoServer.js';
import { rawRequest, writeNote } from './test-support/rawRequest.js';
import { startTestServer, type TestServer } from './test-support/startTestServer.js';

let test: TestServer;
let url: string;
let counter = 0;
/** Fresh ids per test, so that tests sharing one server never see each other's notes. */
const freshId = (prefix: string): string => `${prefix}-${process.pid}-${++counter}-xxxxxxxx`;

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
});
afterAll(() => test.stop());

const put = (noteId: string, key: string | undefined, body: unknown, headers?: Record<string, string>) =>
  writeNote(url, 'PUT', noteId, key, body, headers);

describe('PUT /api/notes/:noteId', () => {
  it('creates a note at version 1 and lists it on its item', async () => {
    const noteId = freshId('create');
    const response = await put(noteId, freshId('key'), { itemId: 7, text: 'Buy two', baseVersion: null });
    expect(response.status).toBe(200);
    const { note, replaced } = response.json<{ note: Record<string, unknown>; replaced: boolean }>();
    expect(replaced).toBe(false);
    expect(note).toMatchObject({ id: noteId, itemId: 7, text: 'Buy two', version: 1 });
    expect(note.updatedAt).toBeTypeOf('number');
    expect(note).not.toHaveProperty('deleted');

    const list = await rawRequest(url, '/api/items/7/notes');
    expect(list.status).toBe(200);
    expect(list.json<{ notes: unknown[] }>().notes).toContainEqual(note);
  });

  it('applies a replayed key once and answers it with the stored response', async () => {
    const noteId = freshId('replay');
    const key = freshId('key');
    const body = { itemId: 8, text: 'once', baseVersion: null };
    const first = await put(noteId, key, body);
    const second = await put(noteId, key, body);
    // Same meaning, different bytes: still the same request.
    const third = await put(noteId, key, `{ "baseVersion": null, "text": "once", "itemId": 8 }`);
    expect(first.status).toBe(200);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    for (const repeat of [second, third]) {
      expect(repeat.status).toBe(200);
      expect(repeat.headers['idempotency-replayed']).toBe('true');
      expect(repeat.json()).toEqual(first.json());
    }
    const notes = (await rawRequest(url, '/api/items/8/notes')).json<{ notes: { id: string; version: number }[] }>();
    expect(notes.notes.filter((note) => note.id === noteId)).toEqual([expect.objectContaining({ version: 1 })]);
  });

  it('answers 422 when a key is reused for a different request', async () => {
    const noteId = freshId('mismatch');
    const key = freshId('key');
    expect((await put(noteId, key, { itemId: 9, text: 'a', baseVersion: null })).status).toBe(200);
    const otherBody = await put(noteId, key, { itemId: 9, text: 'b', baseVersion: null });
    expect(otherBody.status).toBe(422);
    expect(otherBody.json().error).toMatch(/Idempotency-Key/);
    const otherMethod = await writeNote(url, 'DELETE', noteId, key);
    expect(otherMethod.status).toBe(422);
    const otherPath = await put(freshId('other'), key, { itemId: 9, text: 'a', baseVersion: null });
    expect(otherPath.status).toBe(422);
  });

  it('lets the last writer win and tells it that another change was replaced', async () => {
    const noteId = freshId('conflict');
    await put(noteId, freshId('key'), { itemId: 10, text: 'from A', baseVersion: null });
    const fromB = await put(noteId, freshId('key'), { itemId: 10, text: 'from B', baseVersion: 1 });
    expect(fromB.json()).toMatchObject({ note: { text: 'from B', version: 2 }, replaced: false });
    // A still thinks version 1 is current: its write wins, and it learns that B's change was overwritten.
    const fromA = await put(noteId, freshId('key'), { itemId: 10, text: 'A again', baseVersion: 1 });
    expect(fromA.status).toBe(200);
    expect(fromA.json()).toMatchObject({ note: { text: 'A again', version: 3 }, replaced: true });
    const stale = await put(freshId('new'), freshId('key'), { itemId: 10, text: 'thought it existed', baseVersion: 4 });
    expect(stale.json()).toMatchObject({ note: { version: 1 }, replaced: true });
  });

  it('refuses a note moved to another item', async () => {
    const noteId = freshId('move');
    await put(noteId, freshId('key'), { itemId: 11, text: 'x', baseVersion: null });
    const moved = await put(noteId, freshId('key'), { itemId: 12, text: 'x', baseVersion: 1 });
    expect(moved.status).toBe(409);
    expect(moved.json().error).toMatch(/belongs to item 11/);
  });

  it.each([
    ['malformed JSON', '{"itemId": 1,', 400, /Malformed JSON/],
    ['a JSON array', '[1,2]', 400, /JSON object/],
    ['missing itemId', { text: 'x', baseVersion: null }, 400, /itemId is required/],
    ['a string itemId', { itemId: '1', text: 'x', baseVersion: null }, 400, /itemId must be an integer/],
    ['a fractional itemId', { itemId: 1.5, text: 'x', baseVersion: null }, 400, /itemId must be an integer/],
    ['missing text', { itemId: 1, baseVersion: null }, 400, /text is required/],
    ['a number as text', { itemId: 1, text: 5, baseVersion: null }, 400, /text must be a string/],
    ['text over 10,000 characters', { itemId: 1, text: 'x'.repeat(10_001), baseVersion: null }, 400, /at most 10000/],
    ['missing baseVersion', { itemId: 1, text: 'x' }, 400, /baseVersion is required/],
    ['a string baseVersion', { itemId: 1, text: 'x', baseVersion: '1' }, 400, /baseVersion must be/],
    ['an unknown item', { itemId: 100_001, text: 'x', baseVersion: null }, 404, /Item 100001 does not exist/],
    ['a body over 64 KB', { itemId: 1, text: 'x'.repeat(70_000), baseVersion: null }, 413, /larger than 65536/],
  ])('answers %s with a clear error', async (_name, body, status, message) => {
    const response = await put(freshId('bad'), freshId('key'), body);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json().error).toMatch(message);
  });

  it('answers a huge upload with 413 without reading it, and stays up', async () => {
    const response = await fetch(`${url}api/notes/${freshId('huge')}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': freshId('key') },
      body: Buffer.alloc(9 * 1024 * 1024, 0x20),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect((await rawRequest(url, '/api/items/1')).status).toBe(200);
  });

  it('accepts exactly 10,000 characters, counted as characters (an emoji is one)', async () => {
    const text = '😀'.repeat(10_000);
    const response = await put(freshId('long'), freshId('key'), { itemId: 1, text, baseVersion: null });
    expect(response.status).toBe(200);
  });

  it('lets a refused request be retried with the same key once fixed', async () => {
    const noteId = freshId('retry');
    const key = freshId('key');
    expect((await put(noteId, key, { itemId: 1, text: 5, baseVersion: null })).status).toBe(400);
    expect((await put(noteId, key, { itemId: 1, text: 'fixed', baseVersion: null })).status).toBe(200);
  });

  it('requires an Idempotency-Key, a valid note id and a JSON Content-Type', async () => {
    const body = { itemId: 1, text: 'x', baseVersion: null };
    const noKey = await put(freshId('nokey'), undefined, body);
    expect(noKey.status).toBe(400);
    expect(noKey.json().error).toMatch(/Idempotency-Key header is required/);
    expect((await put(freshId('shortkey'), 'short', body)).status).toBe(400);
    const badId = await put('bad%20id!', freshId('key'), body);
    expect(badId.status).toBe(400);
    expect(badId.json().error).toMatch(/Note id/);
    expect((await put('short', freshId('key'), body)).status).toBe(400);
    const text = await put(freshId('ctype'), freshId('key'), body, { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.json().error).toMatch(/application\/json/);
    const charset = await put(freshId('ctype'), freshId('key'), body, {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(charset.status).toBe(200);
  });
});

describe('DELETE /api/notes/:noteId', () => {
  it('deletes once, returns the last note flagged deleted, and hides it from the list', async () => {
    const noteId = freshId('delete');
    await put(noteId, freshId('key'), { itemId: 20, text: 'bye', baseVersion: null });
    const key = freshId('key');
    const deleted = await writeNote(url, 'DELETE', noteId, key);
    expect(deleted.status).toBe(200);
    expect(deleted.json()).toMatchObject({ note: { id: noteId, itemId: 20, text: 'bye', version: 2, deleted: true } });
    const replay = await writeNote(url, 'DELETE', noteId, key);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.json()).toEqual(deleted.json());
    const list = (await rawRequest(url, '/api/items/20/notes')).json<{ notes: { id: string }[] }>();
    expect(list.notes.map((note) => note.id)).not.toContain(noteId);
    // Recreated after a delete: versions keep growing, so no client can confuse the two lives of the note.
    const again = await put(noteId, freshId('key'), { itemId: 20, text: 'back', baseVersion: null });
    expect(again.json()).toMatchObject({ note: { version: 3 }, replaced: false });
  });

  it('answers 404 for a note that never existed and 400 without a key', async () => {
    const missing = await writeNote(url, 'DELETE', freshId('never'), freshId('key'));
    expect(missing.status).toBe(404);
    expect(missing.json().error).toMatch(/does not exist/);
    expect((await writeNote(url, 'DELETE', freshId('never'), undefined)).status).toBe(400);
  });
});

describe('API routing and reads', () => {
  it('answers unknown routes with 404 and wrong methods with 405 and Allow', async () => {
    const unknown = await rawRequest(url, '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toMatch(/No API route/);
    const post = await rawRequest(url, '/api/items', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const get = await rawRequest(url, `/api/notes/${freshId('get')}`);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('PUT, DELETE');
  });

  it('serves pages of items and validates offset and limit', async () => {
    const page = await rawRequest(url, '/api/items?offset=99990&limit=50');
    expect(page.status).toBe(200);
    const body = page.json<{ items: { id: number }[]; total: number; offset: number; limit: number }>();
    expect(body).toMatchObject({ total: 100_000, offset: 99_990, limit: 50 });
    expect(body.items.map((item) => item.id)).toEqual(Array.from({ length: 10 }, (_, index) => 99_991 + index));
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const bad = await rawRequest(url, `/api/items?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect(bad.json().error).toMatch(/(offset|limit) must be an integer/);
    }
    const search = (await rawRequest(url, '/api/items?q=OAK%20KETTLE&limit=5')).json<{
      items: { name: string }[];
      total: number;
    }>();
    expect(search.total).toBeGreaterThan(0);
    expect(search.items.every((item) => item.name.toLowerCase().includes('oak kettle'))).toBe(true);
  });

  it('serves one item, 404 out of range, 400 for non-integers', async () => {
    const item = await rawRequest(url, '/api/items/42');
    expect(item.json()).toMatchObject({ id: 42, image: '/api/images/42' });
    expect((await rawRequest(url, '/api/items/0')).status).toBe(404);
    expect((await rawRequest(url, '/api/items/100001')).status).toBe(404);
    expect((await rawRequest(url, '/api/items/abc')).status).toBe(400);
    expect((await rawRequest(url, '/api/items/1.5')).status).toBe(400);
    expect((await rawRequest(url, '/api/items/abc/notes')).status).toBe(400);
    expect((await rawRequest(url, '/api/items/0/notes')).status).toBe(404);
  });

  it('revalidates reads with ETag and 304, and compresses large JSON', async () => {
    const first = await rawRequest(url, '/api/items?limit=100', { headers: { 'Accept-Encoding': 'br' } });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    const again = await rawRequest(url, '/api/items?limit=100', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

describe('hooks', () => {
  it('lets onApiRequest answer first (fault injection) and mounted handlers run before everything', async () => {
    let failNext = true;
    const hooked = await startTestServer({
      onApiRequest: (_req, res) => {
        if (!failNext) return false;
        failNext = false;
        res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"injected"}');
        return true;
      },
      handlers: [
        async (req, res) => {
          if (!req.url?.startsWith('/rum')) return false;
          res.writeHead(204).end();
          return true;
        },
      ],
    });
    try {
      const failed = await rawRequest(hooked.server.url, '/api/items/1');
      expect(failed.status).toBe(503);
      // Security headers are set before any hook or handler runs.
      expect(failed.headers['content-security-policy']).toContain("default-src 'self'");
      expect((await rawRequest(hooked.server.url, '/api/items/1')).status).toBe(200);
      expect((await rawRequest(hooked.server.url, '/rum', { method: 'POST', body: '{}' })).status).toBe(204);
    } finally {
      await hooked.stop();
    }
  });
});

describe('close()', () => {
  it('lets a request in flight finish before the server stops', async () => {
    let release: (() => void) | undefined;
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await startTestServer({
      // Holds the request long enough for close() to begin while it is in flight.
      onApiRequest: async () => {
        release?.();
        await new Promise((resolve) => setTimeout(resolve, 100));
        return false;
      },
    });
    const inFlight = rawRequest(slow.server.url, '/api/items/1');
    await started;
    const stopped = slow.stop();
    expect((await inFlight).status).toBe(200);
    await stopped;
  });
});

describe('durability', () => {
  it('keeps notes and idempotency records when the same dataDir is reopened after close()', async () => {
    const first = await startTestServer();
    const noteId = freshId('durable');
    const key = freshId('key');
    const body = { itemId: 30, text: 'kept', baseVersion: null };
    const created = await writeNote(first.server.url, 'PUT', noteId, key, body);
    await first.server.close();

    const reopened = await createDemoServer({
      port: 0,
      precompress: false,
      distDir: first.distDir,
      dataDir: first.dataDir,
    });
    try {
      const list = await rawRequest(reopened.url, '/api/items/30/notes');
      expect(list.json<{ notes: unknown[] }>().notes).toEqual([created.json<{ note: unknown }>().note]);
      const replay = await writeNote(reopened.url, 'PUT', noteId, key, body);
      expect(replay.headers['idempotency-replayed']).toBe('true');
      expect(replay.json()).toEqual(created.json());
    } finally {
      await reopened.close();
      await first.stop();
    }
  });

  it('refuses a second server on a data directory that is in use', async () => {
    await expect(
      createDemoServer({ port: 0, precompress: false, distDir: test.distDir, dataDir: test.dataDir }),
    ).rejects.toThrow(/is in use by another running server/);
  });
});
