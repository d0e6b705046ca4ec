import { isRetryableStatus, retryDelay } from './backoff';
import { announceNotesChanged } from './channel';
import { getAll, getOutboxOfNote, inTransaction, requestResult } from './db';
import type { LocalNote, OutboxEntry } from './types';
import type { ServerNote } from '../catalog/types';

// Sends the outbox in order. Runs in the page (on start, on `online`, after a backoff) and in the service
// worker (Background Sync, SW start). A Web Lock keeps two of them from sending at once; the idempotency
// key makes a replay after a lost response harmless anyway.

export type FlushState = 'done' | 'offline' | 'backoff';

export interface FlushResult {
  state: FlushState;
  /** Changes the server confirmed in this run. */
  sent: number;
  /** Changes the server refused (4xx) in this run: shown to the user, never retried. */
  rejected: number;
  /** With state 'backoff': when the next attempt may run (epoch ms). */
  retryAt?: number;
}

export interface FlushOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default Date.now */
  now?: () => number;
  /** A request that takes longer counts as failed and is retried with backoff. @default 10000 */
  timeoutMs?: number;
}

const LOCK_NAME = 'pronto-notes-outbox';

export async function flushOutbox(options: FlushOptions = {}): Promise<FlushResult> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return flushUnlocked(options);
  return locks.request(LOCK_NAME, () => flushUnlocked(options));
}

async function flushUnlocked({
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  now = Date.now,
  timeoutMs = 10_000,
}: FlushOptions): Promise<FlushResult> {
  const result: FlushResult = { state: 'done', sent: 0, rejected: 0 };
  for (;;) {
    const entry = await nextSendable();
    if (!entry) return result;
    if (entry.notBefore > now()) return { ...result, state: 'backoff', retryAt: entry.notBefore };

    const body = await prepareAttempt(entry);
    let response: Response;
    try {
      response = await fetchImpl(`/api/notes/${encodeURIComponent(entry.noteId)}`, {
        method: entry.method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
        body: body ?? null,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        const retryAt = await postpone(entry, now);
        return { ...result, state: 'backoff', retryAt };
      }
      // fetch rejects with a TypeError only when the request never got an answer: offline.
      return { ...result, state: 'offline' };
    }

    if (response.ok || (entry.method === 'DELETE' && response.status === 404)) {
      const confirmed = response.ok ? ((await response.json()) as { note: ServerNote }).note : undefined;
      await confirm(entry, confirmed);
      result.sent += 1;
    } else if (isRetryableStatus(response.status)) {
      const retryAt = await postpone(entry, now);
      return { ...result, state: 'backoff', retryAt };
    } else {
      const reason = ((await response.json().catch(() => null)) as { error?: string } | null)?.error;
      await reject(entry, reason ?? `The server refused this change (${response.status}).`);
      result.rejected += 1;
    }
  }
}

/** The oldest entry that may be sent: not refused, and not behind a refused change to the same note. */
async function nextSendable(): Promise<OutboxEntry | undefined> {
  const entries = await inTransaction(['outbox'], 'readonly', (tx) => getAll<OutboxEntry>(tx, 'outbox'));
  const blockedNotes = new Set(entries.filter((entry) => entry.rejected).map((entry) => entry.noteId));
  return entries.find((entry) => !blockedNotes.has(entry.noteId));
}

/** Counts the attempt and freezes the body before it leaves, so that every replay sends the same request. */
async function prepareAttempt(entry: OutboxEntry): Promise<string | undefined> {
  return inTransaction(['notes', 'outbox'], 'readwrite', async (tx) => {
    const current = (await requestResult(tx.objectStore('outbox').get(entry.seq as number))) as OutboxEntry;
    if (current.sentBody === undefined && current.method === 'PUT') {
      const note = (await requestResult(tx.objectStore('notes').get(current.noteId))) as LocalNote | undefined;
      current.sentBody = JSON.stringify({
        itemId: current.itemId,
        text: current.text,
        baseVersion: note?.version ?? null,
      });
    }
    current.attempts += 1;
    tx.objectStore('outbox').put(current);
    return current.sentBody;
  });
}

async function postpone(entry: OutboxEntry, now: () => number): Promise<number> {
  return inTransaction(['outbox'], 'readwrite', async (tx) => {
    const current = (await requestResult(tx.objectStore('outbox').get(entry.seq as number))) as OutboxEntry;
    current.notBefore = now() + retryDelay(current.attempts);
    tx.objectStore('outbox').put(current);
    return current.notBefore;
  });
}

async function confirm(entry: OutboxEntry, serverNote: ServerNote | undefined): Promise<void> {
  await inTransaction(['notes', 'outbox'], 'readwrite', async (tx) => {
    tx.objectStore('outbox').delete(entry.seq as number);
    const stillQueued = (await getOutboxOfNote(tx, entry.noteId)).length > 0;
    const notes = tx.objectStore('notes');
    const local = (await requestResult(notes.get(entry.noteId))) as LocalNote | undefined;
    if (entry.method === 'DELETE') {
      if (!stillQueued) notes.delete(entry.noteId);
      return;
    }
    if (!local || !serverNote) return;
    // Later edits made while this one was in flight stay pending; they are based on the version just confirmed.
    notes.put(
      stillQueued
        ? { ...local, version: serverNote.version }
        : { ...local, version: serverNote.version, updatedAt: serverNote.updatedAt, status: 'synced' },
    );
  });
  announceNotesChanged([entry.itemId]);
}

async function reject(entry: OutboxEntry, reason: string): Promise<void> {
  await inTransaction(['notes', 'outbox'], 'readwrite', async (tx) => {
    const outbox = tx.objectStore('outbox');
    const current = (await requestResult(outbox.get(entry.seq as number))) as OutboxEntry;
    outbox.put({ ...current, rejected: reason });
    const notes = tx.objectStore('notes');
    const local = (await requestResult(notes.get(entry.noteId))) as LocalNote | undefined;
    if (local) notes.put({ ...local, status: 'rejected', error: reason });
  });
  announceNotesChanged([entry.itemId]);
}
