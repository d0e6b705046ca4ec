import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDirectory } from './lockDirectory.js';
import type { Note, StoredNote } from './Note.js';
import { openAppendLog } from './openAppendLog.js';

// Why an append-only log and not DuckDB (installed) or SQLite: the data is a small key-value set (notes and
// idempotency records) written one row at a time, where what matters is that a note and the response stored for
// its idempotency key become durable together, before the 2xx. One checksummed line per write, fdatasync'd,
// gives exactly that atomicity with nothing native to install; DuckDB is a column store built for analytics
// (bulk scans, not single-row upserts) and would add a 70 MB binary to every copy of this template, and
// better-sqlite3 must compile from source on Node 20 here. Reads are served from memory.

/** What a write decides, given the note's current state. */
export interface WriteOutcome {
  status: number;
  body: unknown;
  /** The note's new state; absent when the write changes nothing. */
  note?: StoredNote;
}

/** What a write returned to the client. */
export type WriteResult =
  | { kind: 'applied' | 'replayed'; status: number; body: unknown }
  /** The key was used before for a different request. */
  | { kind: 'mismatch' };

/** Options of {@link createNoteStore}. */
export interface NoteStoreOptions {
  /** Idempotency records older than this are dropped when the log is compacted at open. @default 2592000000 (30 days) */
  idempotencyTtlMs?: number;
  /** The server clock. @default Date.now */
  now?: () => number;
}

/** Notes and idempotency records, durable in one directory. */
export interface NoteStore {
  /** Live (not deleted) notes of an item, most recently updated first. */
  notesOfItem(itemId: number): Note[];
  /**
   * Runs one idempotent write. The first request with `key` runs `decide` and, when it answers 2xx, stores the
   * answer with the note change in one durable record; a repeat with the same `fingerprint` gets that answer back
   * without running again; a repeat with another fingerprint is a mismatch. Writes are decided one at a time, in
   * arrival order (that order is "last writer wins"), and resolve once durable.
   */
  write(
    key: string,
    fingerprint: string,
    noteId: string,
    decide: (current: StoredNote | undefined, now: number) => WriteOutcome,
  ): Promise<WriteResult>;
  /** Waits for pending writes, then releases the directory. */
  close(): Promise<void>;
}

interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
}

/** One log line: a note change, a stored answer, or both (written together, so they are atomic). */
interface LogRecord {
  note?: StoredNote;
  idempotency?: IdempotencyRecord;
}

/** Opens the store in `directory` (created if missing), replaying its log. */
export async function createNoteStore(
  directory: string,
  { idempotencyTtlMs = 30 * 24 * 3600 * 1000, now = Date.now }: NoteStoreOptions = {},
): Promise<NoteStore> {
  await mkdir(directory, { recursive: true });
  const releaseLock = await lockDirectory(directory);
  let log;
  try {
    log = await openAppendLog<LogRecord>(join(directory, 'notes.log'));
  } catch (error) {
    await releaseLock();
    throw error;
  }

  const notes = new Map<string, StoredNote>();
  const notesByItem = new Map<number, Set<string>>();
  const keys = new Map<string, IdempotencyRecord>();

  function apply({ note, idempotency }: LogRecord): void {
    if (note) {
      notes.set(note.id, note);
      let ids = notesByItem.get(note.itemId);
      if (!ids) notesByItem.set(note.itemId, (ids = new Set()));
      ids.add(note.id);
    }
    if (idempotency) keys.set(idempotency.key, idempotency);
  }

  for (const record of log.records) apply(record);

  // Compact at open: one line per note and per live key, and expired keys dropped, so the log does not grow forever.
  const expiredBefore = now() - idempotencyTtlMs;
  for (const [key, record] of keys) if (record.at < expiredBefore) keys.delete(key);
  if (log.records.length > notes.size + keys.size) {
    await log.rewrite([
      ...[...notes.values()].map((note) => ({ note })),
      ...[...keys.values()].map((idempotency) => ({ idempotency })),
    ]);
  }

  const activeLog = log;
  const waiting: PendingWrite[] = [];
  let flushing: Promise<void> | undefined;
  let closed = false;

  // Group commit: writes that arrive while the disk is busy are decided in arrival order and made durable together,
  // with one append and one fdatasync, so concurrent clients do not queue behind each other's fsync.
  async function flush(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.splice(0);
      // What this batch has written so far: later writes in the batch must see earlier ones.
      const batchNotes = new Map<string, StoredNote>();
      const batchKeys = new Map<string, IdempotencyRecord>();
      const records: LogRecord[] = [];
      // How each write of the batch is answered once the batch is durable.
      const answers: (() => void)[] = [];
      for (const { key, fingerprint, noteId, decide, resolve, reject } of batch) {
        const previous = batchKeys.get(key) ?? keys.get(key);
        if (previous) {
          const result: WriteResult =
            previous.fingerprint === fingerprint
              ? { kind: 'replayed', status: previous.status, body: previous.body }
              : { kind: 'mismatch' };
          answers.push(() => resolve(result));
          continue;
        }
        let outcome: WriteOutcome;
        try {
          outcome = decide(batchNotes.get(noteId) ?? notes.get(noteId), now());
        } catch (error) {
          answers.push(() => reject(error));
          continue;
        }
        answers.push(() => resolve({ kind: 'applied', status: outcome.status, body: outcome.body }));
        // A refused request is not recorded: the client may fix it and retry with the same key.
        if (outcome.status < 200 || outcome.status > 299) continue;
        const idempotency = { key, fingerprint, status: outcome.status, body: outcome.body, at: now() };
        batchKeys.set(key, idempotency);
        if (outcome.note) batchNotes.set(noteId, outcome.note);
        records.push({ idempotency, ...(outcome.note ? { note: outcome.note } : {}) });
      }
      try {
        // On disk first: memory (what readers see) changes only once the batch is durable.
        if (records.length > 0) await activeLog.append(records);
      } catch (error) {
        for (const write of batch) write.reject(error);
        continue;
      }
      for (const record of records) apply(record);
      for (const answer of answers) answer();
    }
  }

  function scheduleFlush(): void {
    if (flushing) return;
    flushing = flush().finally(() => {
      flushing = undefined;
      // A write can arrive after the loop saw an empty queue but before this ran: it must not be left waiting.
      if (waiting.length > 0) scheduleFlush();
    });
  }

  return {
    notesOfItem(itemId) {
      const result: Note[] = [];
      for (const id of notesByItem.get(itemId) ?? []) {
        const note = notes.get(id);
        if (note && !note.deleted) result.push(publicNote(note));
      }
      return result.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
    },
    write(key, fingerprint, noteId, decide) {
      if (closed) return Promise.reject(new Error('The note store is closed'));
      return new Promise<WriteResult>((resolve, reject) => {
        waiting.push({ key, fingerprint, noteId, decide, resolve, reject });
        scheduleFlush();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      // A write that was already queued may start one more flush; wait for that one too.
      for (let pending = flushing; pending; pending = flushing) await pending;
      await activeLog.close();
      await releaseLock();
    },
  };
}

interface PendingWrite {
  key: string;
  fingerprint: string;
  noteId: string;
  decide: (current: StoredNote | undefined, now: number) => WriteOutcome;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

/** The API's view of a stored note (no tombstone flag). */
export function publicNote({ id, itemId, text, version, updatedAt }: StoredNote): Note {
  return { id, itemId, text, version, updatedAt };
}
