import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Beacon } from '../types.js';
import { outboxRecord as record } from '../test-utils/outboxRecord.js';
import { deleteOutbox } from '../test-utils/deleteOutbox.js';
import { peekOutbox } from '../test-utils/peekOutbox.js';
import { keepBeacon } from './outbox.js';
import { replayOutbox, requestSync, SYNC_TAG } from './replayOutbox.js';

beforeEach(deleteOutbox);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('replayOutbox', () => {
  it('sends the oldest first, stops at the first failure and keeps the rest in order', async () => {
    for (const seq of [0, 1, 2]) await keepBeacon(record(seq));
    const fetch = vi
      .fn<(url: string, init: RequestInit) => Promise<Response>>()
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValue(new Response(null, { status: 503 }));
    vi.stubGlobal('fetch', fetch);
    await expect(replayOutbox(10)).resolves.toBe(2);
    expect(fetch.mock.calls.map(([, init]) => (JSON.parse(String(init.body)) as Beacon).seq)).toEqual([0, 1]);
    expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([1, 2]);
  });

  it('leaves the copy of a beacon whose send is cut short (the page unloads): nothing is lost', async () => {
    for (const seq of [0, 1]) await keepBeacon(record(seq));
    const fetch = vi.fn<() => Promise<Response>>(() => new Promise(() => {}));
    vi.stubGlobal('fetch', fetch);
    void replayOutbox(10);
    // The replay has read the outbox and its first request is in flight, unanswered.
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    expect((await peekOutbox()).map((r) => r.beacon.seq)).toEqual([0, 1]);
  });

  it('resolves 0 with nothing stored, without a request', async () => {
    const fetch = vi.fn<() => Promise<Response>>();
    vi.stubGlobal('fetch', fetch);
    await expect(replayOutbox(10)).resolves.toBe(0);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('requestSync (the page side)', () => {
  it('asks the service worker for a Background Sync; a refused sync is no error', async () => {
    const register = vi.fn<(tag: string) => Promise<void>>(() =>
      Promise.reject(new DOMException('Permission denied.', 'NotAllowedError')),
    );
    vi.stubGlobal('navigator', { serviceWorker: { ready: Promise.resolve({ sync: { register } }) } });
    expect(requestSync()).toBeUndefined();
    await vi.waitFor(() => expect(register).toHaveBeenCalledWith(SYNC_TAG));
  });

  it('does nothing without service workers', () => {
    vi.stubGlobal('navigator', {});
    expect(requestSync()).toBeUndefined();
  });
});
