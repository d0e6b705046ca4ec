import { useCallback, useEffect, useState } from 'react';
import type { ServerNote } from '../catalog/types';
import { onNotesChanged } from './channel';
import { getNotesOfItem, inTransaction } from './db';
import { acknowledgeReplaced, deleteNote, discardRejected, saveNote } from './editNotes';
import { mergeServerNotes, visibleNotes } from './mergeServerNotes';
import { requestNotesSync } from './syncInPage';
import type { LocalNote } from './types';

export interface ItemNotes {
  notes: LocalNote[];
  /** Set when the server list could not be read (offline): local notes still show. */
  offline: boolean;
  save(text: string, noteId?: string): Promise<void>;
  remove(note: LocalNote): Promise<void>;
  discard(note: LocalNote): Promise<void>;
  dismissReplaced(note: LocalNote): Promise<void>;
}

function readLocal(itemId: number): Promise<LocalNote[]> {
  return inTransaction(['notes'], 'readonly', (tx) => getNotesOfItem(tx, itemId));
}

async function refreshFromServer(itemId: number, signal: AbortSignal): Promise<void> {
  const response = await fetch(`/api/items/${itemId}/notes`, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`notes: ${response.status}`);
  const { notes } = (await response.json()) as { notes: ServerNote[] };
  // The Date header says how fresh this list is, even when it came from a cache.
  const listedAt = Date.parse(response.headers.get('Date') ?? '') || 0;
  await inTransaction(['notes'], 'readwrite', async (tx) => {
    const plan = mergeServerNotes(await getNotesOfItem(tx, itemId), notes, listedAt - 1_000, Date.now());
    const store = tx.objectStore('notes');
    for (const note of plan.put) store.put(note);
    for (const id of plan.remove) store.delete(id);
  });
}

/** The notes of one item: local first (shown at once, offline too), reconciled with the server. */
export function useItemNotes(itemId: number): ItemNotes {
  const [notes, setNotes] = useState<LocalNote[]>([]);
  const [offline, setOffline] = useState(false);

  const reload = useCallback(async () => setNotes(visibleNotes(await readLocal(itemId))), [itemId]);

  useEffect(() => {
    const controller = new AbortController();
    void reload();
    refreshFromServer(itemId, controller.signal)
      .then(() => setOffline(false))
      .catch(() => setOffline(!controller.signal.aborted))
      .finally(() => void reload());
    const stop = onNotesChanged((message) => {
      if (message.itemIds.includes(itemId)) void reload();
    });
    return () => {
      controller.abort();
      stop();
    };
  }, [itemId, reload]);

  return {
    notes,
    offline,
    async save(text, noteId) {
      await saveNote(itemId, text, noteId);
      await reload();
      void requestNotesSync();
    },
    async remove(note) {
      await deleteNote(note);
      await reload();
      void requestNotesSync();
    },
    async discard(note) {
      await discardRejected(note);
      await reload();
    },
    async dismissReplaced(note) {
      await acknowledgeReplaced(note);
      await reload();
    },
  };
}
