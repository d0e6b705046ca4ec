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
  /** Most beacons stored in one commit. @default 5000 */
  maxBatch?: number;
  /** Wait before retrying a failed store, doubled up to 30 s. @default 100 */
  retryMs?: number;
}

/** Moves journaled entries into the store, oldest first, many per commit. */
export interface JournalLoader {
  push(entry: JournalEntry): void;
  /** Resolves once every entry pushed before the call is stored. */
  caughtUp(): Promise<void>;
  /** Stores what is pending (one attempt), then stops. */
  close(): Promise<void>;
  /** Highest entry id stored. */
  readonly storedUpTo: number;
}

/**
 * One loop, one commit at a time: while a commit runs (or a checkpoint holds it up) new entries pile up and go
 * together in the next one, so the store's throughput grows with the backlog instead of the backlog growing.
 */
export function createJournalLoader({ storedUpTo, store, release, onError, maxBatch = 5000, retryMs = 100 }: JournalLoaderOptions): JournalLoader {
  let stored = storedUpTo;
  let queued = storedUpTo;
  const pending: JournalEntry[] = [];
  const waiters: { id: number; resolve: () => void }[] = [];
  let running: Promise<void> | undefined;
  let closing = false;

  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i]!.id <= stored) waiters.splice(i, 1)[0]!.resolve();
    }
  };

  const run = async () => {
    let delay = retryMs;
    while (pending.length > 0) {
      let count = 0;
      let take = 0;
      while (take < pending.length && (take === 0 || count + pending[take]!.beacons.length <= maxBatch)) count += pending[take++]!.beacons.length;
      const entries = pending.slice(0, take);
      const last = entries.at(-1)!.id;
      try {
        await store(entries.flatMap((entry) => entry.beacons), entries.reduce((n, entry) => n + entry.duplicates, 0), last);
      } catch (error) {
        onError(error);
        // Closing: what is left stays in the journal and is stored at the next start.
        if (closing) break;
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30_000);
        continue;
      }
      delay = retryMs;
      pending.splice(0, take);
      stored = last;
      settle();
      await release(last).catch(onError);
    }
    running = undefined;
  };

  return {
    push(entry) {
      pending.push(entry);
      queued = entry.id;
      running ??= run();
    },
    async caughtUp() {
      if (stored >= queued) return;
      await new Promise<void>((resolve) => waiters.push({ id: queued, resolve }));
    },
    async close() {
      closing = true;
      await running;
    },
    get storedUpTo() {
      return stored;
    },
  };
}
