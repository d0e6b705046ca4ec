/** A note on a catalog item, as the API returns it. */
export interface Note {
  /** Made by the client: 8 to 64 of `[A-Za-z0-9_-]`. */
  id: string;
  itemId: number;
  text: string;
  /** 1 on creation, +1 on every applied write (deletes included). */
  version: number;
  /** Server clock, epoch ms, of the last applied write. */
  updatedAt: number;
}

/** A note as stored: deleted notes stay as tombstones so versions keep growing and deletes stay answerable. */
export interface StoredNote extends Note {
  deleted: boolean;
}

/** Longest note text, in characters. @default 10000 */
export const MAX_NOTE_LENGTH = 10_000;
