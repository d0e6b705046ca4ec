import { announceNotesChanged } from './channel';
import { getOutboxOfNote, inTransaction, requestResult } from './db';
import { newId } from './newId';
import type { LocalNote, OutboxEntry } from './types';

// Every change is on disk (note + outbox entry, one transaction) before the caller shows it. Sending is
// someone else's job (flushOutbox), so a change made offline, or just before the tab closes, is never lost.

/** Maximum note length the server accepts; checked here too so the user hears it at once, offline as well. */
export const MAX_NOTE_LENGTH = 10_000;

/** Creates a note (no `noteId`) or edits one; resolves with the stored local copy. */
export async function saveNote(itemId: number, text: string, noteId: string = newId()): Promise<LocalNote> {
  if (text.trim() === '') throw new Error('A note cannot be empty.');
  if (text.length > MAX_NOTE_LENGTH) throw new Error(`A note can have at most ${MAX_NOTE_LENGTH} characters.`);
  const note = await inTransaction(['notes', 'outbox'], 'readwrite', async (tx) => {
    const notes = tx.objectStore('notes');
    const existing = (await requestResult(notes.get(noteId))) as LocalNote | undefined;
    const updated: LocalNote = {
      id: noteId,
      itemId,
      text,
      version: existing?.version ?? null,
      updatedAt: Date.now(),
      status: 'pending',
      deleted: false,
    };
    notes.put(updated);
    await enqueue(tx, { noteId, method: 'PUT', itemId, text });
    return updated;
  });
  announceNotesChanged([itemId]);
  return note;
}

/** Deletes a note: hidden at once, removed on the server when the outbox is sent. */
export async function deleteNote(note: Pick<LocalNote, 'id' | 'itemId' | 'version'>): Promise<void> {
  await inTransaction(['notes', 'outbox'], 'readwrite', async (tx) => {
    const notes = tx.objectStore('notes');
    const pending = await getOutboxOfNote(tx, note.id);
    if (note.version === null && pending.every((entry) => entry.attempts === 0)) {
      // Never reached the server: forget it locally instead of sending a create and a delete.
      for (const entry of pending) tx.objectStore('outbox').delete(entry.seq as number);
      notes.delete(note.id);
      return;
    }
    const existing = (await requestResult(notes.get(note.id))) as LocalNote | undefined;
    if (existing) notes.put({ ...existing, deleted: true, status: 'pending', updatedAt: Date.now() });
    await enqueue(tx, { noteId: note.id, method: 'DELETE', itemId: note.itemId, text: '' });
  });
  announceNotesChanged([note.itemId]);
}

/** Drops a change the server refused (a 4xx) and goes back to the server's copy on the next read. */
export async function discardRejected(note: Pick<LocalNote, 'id' | 'itemId'>): Promise<void> {
  await inTransaction(['notes', 'outbox'], 'readwrite', async (tx) => {
    for (const entry of await getOutboxOfNote(tx, note.id)) tx.objectStore('outbox').delete(entry.seq as number);
    tx.objectStore('notes').delete(note.id);
  });
  announceNotesChanged([note.itemId]);
}

/** Dismisses the "replaced by a newer copy" notice. */
export async function acknowledgeReplaced(note: LocalNote): Promise<void> {
  const { replacedAt: _dismissed, ...rest } = note;
  await inTransaction(['notes'], 'readwrite', (tx) => {
    tx.objectStore('notes').put(rest);
  });
  announceNotesChanged([note.itemId]);
}

async function enqueue(
  tx: IDBTransaction,
  change: Pick<OutboxEntry, 'noteId' | 'method' | 'itemId' | 'text'>,
): Promise<void> {
  const outbox = tx.objectStore('outbox');
  const queued = await getOutboxOfNote(tx, change.noteId);
  const last = queued.at(-1);
  if (last && last.attempts === 0 && !last.rejected && last.method === 'PUT' && change.method === 'PUT') {
    // Nothing of the previous edit left the device yet: send only the latest text.
    outbox.put({ ...last, text: change.text });
    return;
  }
  const entry: OutboxEntry = { ...change, key: newId(), attempts: 0, notBefore: 0 };
  outbox.add(entry);
}
