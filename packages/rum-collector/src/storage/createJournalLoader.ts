import { createGroupCommit } from '../createGroupCommit.js';
import type { JournalEntry } from './openIngestJournal.js';
import type { ReceivedBeacon } from './types.js';

/** Options of {@link createJournalLoader}. */
export interface JournalLoaderOptions {
  /** Entries up to this id are stored already. */
  storedUpTo: number;
  /** Stores beacons (and counts duplicates) of entries up to `journalId`, recording that id in the same commit. */
  store: (beacons: ReceivedBeacon[], duplicates: number, journalId: number) => Promise<void>;
  /** Lets the journal drop what is stored. */
  release: (id: number) => Promise<void>;
  /** A failed store; the entries are kept and retried. */
  onError: (error: unknown) => void;
  /** Most beacons stored in one commit (an entry is never split). @default 5000 */
  maxBatch?: number;
  /** Wait before retrying a failed store, doubled up to 30 s. @default 100 */
  retryMs?: number;
}

/** Moves journaled entries into the store, oldest first, many per commit. */
export interface JournalLoader {
  push(entry: JournalEntry): void;
  /** Resolves once every entry pushed before the call is stored (rejects if the loader closed first). */
  caughtUp(): Promise<void>;
  /** Stores what is pending (one attempt), then stops. */
  close(): Promise<void>;
  /** Highest entry id stored. */
  readonly storedUpTo: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One commit at a time, batched by the same group commit as the ingest path: while a commit runs (or a checkpoint
 * holds it up) new entries pile up and go together in the next one, so the store's throughput grows with the
 * backlog instead of the backlog growing. A failed commit is retried, whole and in order, until it succeeds.
 */
export function createJournalLoader({
  storedUpTo,
  store,
  release,
  onError,
  maxBatch = 5000,
  retryMs = 100,
}: JournalLoaderOptions): JournalLoader {
  let stored = storedUpTo;
  let closing = false;
  let last: Promise<void> = Promise.resolve();

  const commit = createGroupCommit<JournalEntry, void>({
    maxBatch,
    weight: (entry) => entry.beacons.length,
    flush: async (entries) => {
      const id = entries.at(-1)!.id;
      const beacons = entries.flatMap((entry) => entry.beacons);
      const duplicates = entries.reduce((n, entry) => n + entry.duplicates, 0);
      for (let delay = retryMs; ; delay = Math.min(delay * 2, 30_000)) {
        try {
          await store(beacons, duplicates, id);
          break;
        } catch (error) {
          onError(error);
          // Closing: what is left stays in the journal and is stored at the next start.
          if (closing) throw error;
          await sleep(delay);
        }
      }
      stored = id;
      await release(id).catch(onError);
      return entries.map(() => undefined);
    },
  });

  return {
    push(entry) {
      const added = commit.add(entry);
      added.catch(() => undefined); // reported through onError; caughtUp() passes it on to whoever waits
      last = added;
    },
    caughtUp() {
      return last;
    },
    async close() {
      closing = true;
      await commit.drain();
    },
    get storedUpTo() {
      return stored;
    },
  };
}
