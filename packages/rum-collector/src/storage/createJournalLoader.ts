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
  /**
   * How long a pushed entry may wait for others to share its commit, unless `maxBatch` beacons are waiting or
   * someone calls `caughtUp()` or `close()` first. 0 hands every entry over at once (it still shares a commit with
   * whatever arrived while the previous one ran). @default 0
   */
  lingerMs?: number;
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
  lingerMs = 0,
}: JournalLoaderOptions): JournalLoader {
  let stored = storedUpTo;
  let closing = false;
  let last: Promise<void> = Promise.resolve();
  let held: JournalEntry[] = [];
  let heldBeacons = 0;
  let lingering: ReturnType<typeof setTimeout> | undefined;

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

  const handOver = () => {
    clearTimeout(lingering);
    lingering = undefined;
    if (held.length === 0) return;
    // One item for everything held, so that it goes in one commit: handed over one by one, the first would start a
    // commit alone.
    const added = commit.add({
      id: held.at(-1)!.id,
      beacons: held.length === 1 ? held[0]!.beacons : held.flatMap((entry) => entry.beacons),
      duplicates: held.reduce((n, entry) => n + entry.duplicates, 0),
    });
    added.catch(() => undefined); // reported through onError; caughtUp() passes it on to whoever waits
    last = added;
    held = [];
    heldBeacons = 0;
  };

  return {
    push(entry) {
      held.push(entry);
      heldBeacons += entry.beacons.length;
      if (lingerMs <= 0 || heldBeacons >= maxBatch) handOver();
      // Unref'd: a process may exit while entries linger, they are in the journal and stored at the next start.
      else lingering ??= setTimeout(handOver, lingerMs).unref();
    },
    caughtUp() {
      handOver();
      return last;
    },
    async close() {
      closing = true;
      handOver();
      await commit.drain();
    },
    get storedUpTo() {
      return stored;
    },
  };
}
