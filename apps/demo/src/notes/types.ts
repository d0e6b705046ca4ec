/** Where a note stands between this device and the server. */
export type NoteStatus = 'synced' | 'pending' | 'rejected';

/** A note as this device knows it (IndexedDB store `notes`). */
export interface LocalNote {
  id: string;
  itemId: number;
  text: string;
  /** The server version this copy is based on; null until the server first confirms it. */
  version: number | null;
  updatedAt: number;
  status: NoteStatus;
  /** Deleted locally, waiting for the server to confirm. */
  deleted: boolean;
  /** Why the server refused the last change (status `rejected`). */
  error?: string;
  /** Set when a newer server copy, written elsewhere, replaced this device's copy. */
  replacedAt?: number;
}

/** One change waiting to reach the server (IndexedDB store `outbox`), in the order it was made. */
export interface OutboxEntry {
  /** Auto-incremented: the order changes are sent in. */
  seq?: number;
  /** Idempotency key: the server applies each key once, however often it is replayed. */
  key: string;
  noteId: string;
  method: 'PUT' | 'DELETE';
  itemId: number;
  text: string;
  /**
   * The exact body sent on the first attempt. Replays must send the same bytes, or the server would
   * see the same key with a different request.
   */
  sentBody?: string;
  attempts: number;
  /** Epoch ms before which the entry must not be retried (backoff after a 5xx or a timeout). */
  notBefore: number;
  /** A 4xx: the server will never accept this change as it is; the user decides. */
  rejected?: string;
}
