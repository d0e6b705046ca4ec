// Pages and the service worker tell each other when notes changed, so every open tab re-reads IndexedDB.
const CHANNEL_NAME = 'pronto-notes';

export type NotesMessage = { type: 'notes-changed'; itemIds: number[] };

export function announceNotesChanged(itemIds: Iterable<number>): void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage({ type: 'notes-changed', itemIds: [...new Set(itemIds)] } satisfies NotesMessage);
  channel.close();
}

export function onNotesChanged(callback: (message: NotesMessage) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<NotesMessage>) => callback(event.data);
  return () => channel.close();
}
