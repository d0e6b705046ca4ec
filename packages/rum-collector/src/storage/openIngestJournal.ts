import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Beacon } from '../beacon.js';
import type { ReceivedBeacon } from './types.js';

/** One appended batch: beacons to store and duplicates already recognised when it was received. */
export interface JournalEntry {
  id: number;
  beacons: ReceivedBeacon[];
  duplicates: number;
}

/** An append-only, fsynced log of received batches in front of a store that commits more slowly. */
export interface IngestJournal {
  /**
   * Writes the batch (beacons already validated) and syncs it to disk; resolves with its id once it would survive
   * `kill -9`.
   */
  append(beacons: readonly ReceivedBeacon[], duplicates: number): Promise<number>;
  /** Declares every entry up to `id` stored elsewhere: segment files holding nothing newer are deleted. */
  release(id: number): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link openIngestJournal}. */
export interface IngestJournalOptions {
  /** Size at which the current segment file is closed and a new one started. @default 8 MiB */
  segmentBytes?: number;
  /** Entries up to this id are already stored; they are skipped on recovery and new ids continue after it. @default 0 */
  storedUpTo?: number;
  /**
   * Opens a segment file (`'a'`) or the directory (`'r'`, to sync it). A test passes a wrapper that records the
   * order of writes and syncs. @default open from node:fs/promises
   */
  openFile?: (path: string, flags: 'a' | 'r') => Promise<JournalFile>;
}

/** The part of a file handle the journal uses. */
export type JournalFile = Pick<FileHandle, 'write' | 'datasync' | 'sync' | 'close'>;

interface Segment {
  path: string;
  /** Highest entry id the file holds. */
  lastId: number;
}

const SEGMENT = /^segment-(\d+)\.ndjson$/;

/**
 * Opens the journal in `dir` and returns the entries newer than `storedUpTo` that a crash left behind, oldest
 * first, for the caller to store before it serves. Each entry is one JSON line (`{"id","d","b":[[receivedAt,
 * json],...]}`) written with one `write` and one `fdatasync`; a torn last line (the process died mid-write, so
 * nothing in it was acknowledged) is ignored.
 */
export async function openIngestJournal(
  dir: string,
  { segmentBytes = 8 * 1024 * 1024, storedUpTo = 0, openFile = open }: IngestJournalOptions = {},
): Promise<{ journal: IngestJournal; leftover: JournalEntry[] }> {
  await mkdir(dir, { recursive: true });
  const names = (await readdir(dir)).filter((name) => SEGMENT.test(name));
  names.sort((a, b) => Number(SEGMENT.exec(a)![1]) - Number(SEGMENT.exec(b)![1]));

  const segments: Segment[] = [];
  const leftover: JournalEntry[] = [];
  let lastId = storedUpTo;
  for (const name of names) {
    const path = join(dir, name);
    const entries = parseSegment(await readFile(path, 'utf8'));
    const segmentLast = entries.at(-1)?.id ?? 0;
    segments.push({ path, lastId: segmentLast });
    lastId = Math.max(lastId, segmentLast);
    for (const entry of entries) if (entry.id > storedUpTo) leftover.push(entry);
  }

  interface OpenSegment {
    handle: JournalFile;
    path: string;
    bytes: number;
    lastId: number;
    /** A write or sync failed: every line after it may be unreadable, so nothing written here is acknowledged. */
    failed: boolean;
  }
  let current: OpenSegment | undefined;
  let closed = false;
  // Lines are written one at a time, in id order; each write is followed by its own fdatasync, and the next line is
  // written while that sync runs, so a slow sync does not hold up the write of the next batch. Answers are given in
  // id order: a sync issued after a later write covers the earlier lines too, but an earlier failure must be known
  // before a later line is acknowledged. Recovery and release rely on ids, file order and answer order agreeing.
  let writes: Promise<unknown> = Promise.resolve();
  let syncs: Promise<unknown> = Promise.resolve();

  const startSegment = async () => {
    const path = join(dir, `segment-${lastId + 1}.ndjson`);
    const handle = await openFile(path, 'a');
    // The new file's directory entry must be durable too, or a crash could lose the whole file.
    await syncDirectory(dir, openFile);
    current = { handle, path, bytes: 0, lastId, failed: false };
  };

  const retire = (segment: OpenSegment) => {
    if (current === segment) current = undefined;
    if (!segments.some((s) => s.path === segment.path)) segments.push({ path: segment.path, lastId: segment.lastId });
  };

  /** Writes one entry's line; resolves once it is in the file (not yet synced). */
  const writeLine = async (
    beacons: readonly ReceivedBeacon[],
    duplicates: number,
  ): Promise<{ segment: OpenSegment; id: number }> => {
    if (closed) throw new Error('the ingest journal is closed');
    if (!current || current.bytes >= segmentBytes) {
      if (current) {
        const full = current;
        retire(full);
        // Closed once its last sync is done: a pending fdatasync needs the handle open.
        void syncs.then(() => full.handle.close()).catch(() => undefined);
      }
      await startSegment();
    }
    const segment = current!;
    const id = ++lastId;
    const line = `${JSON.stringify({ id, d: duplicates, b: beacons.map((r) => [r.receivedAt, r.json ?? JSON.stringify(r.beacon)]) })}\n`;
    const bytes = Buffer.from(line);
    try {
      await segment.handle.write(bytes);
    } catch (error) {
      fail(segment);
      throw error;
    }
    segment.bytes += bytes.length;
    segment.lastId = id;
    return { segment, id };
  };

  // A failed write may have left a torn line, and a good line appended after it would be unreadable: the next
  // append starts a new segment. This one is kept until released: it may hold earlier, unstored entries.
  const fail = (segment: OpenSegment) => {
    if (segment.failed) return;
    segment.failed = true;
    retire(segment);
    void syncs.then(() => segment.handle.close()).catch(() => undefined);
  };

  const journal: IngestJournal = {
    append(beacons, duplicates) {
      const written = writes.then(() => writeLine(beacons, duplicates));
      writes = written.catch(() => undefined);
      const synced = written.then(async ({ segment, id }) => {
        try {
          await segment.handle.datasync();
        } catch (error) {
          fail(segment);
          throw error;
        }
        return { segment, id };
      });
      const answered = syncs
        .then(() => synced)
        .then(({ segment, id }) => {
          if (segment.failed) throw new Error('an earlier write to this journal segment failed');
          return id;
        });
      syncs = answered.catch(() => undefined);
      return answered;
    },
    async release(id) {
      const done = segments.filter((segment) => segment.lastId <= id);
      for (const segment of done) {
        await rm(segment.path, { force: true });
        segments.splice(segments.indexOf(segment), 1);
      }
    },
    async close() {
      if (closed) return;
      await writes;
      await syncs;
      closed = true;
      const last = current;
      if (last) {
        retire(last);
        await last.handle.close();
      }
    },
  };
  return { journal, leftover };
}

function parseSegment(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let raw: { id?: unknown; d?: unknown; b?: unknown };
    try {
      raw = JSON.parse(line);
    } catch {
      continue; // torn write: never acknowledged
    }
    if (typeof raw.id !== 'number' || !Array.isArray(raw.b)) continue;
    const beacons: ReceivedBeacon[] = [];
    for (const item of raw.b as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'number' || typeof item[1] !== 'string') continue;
      // Validated before it was appended, and the line around it parsed whole (a torn one was skipped above): the
      // text is the one received, so parsing it gives back the beacon that was validated.
      let beacon: Beacon;
      try {
        beacon = JSON.parse(item[1]) as Beacon;
      } catch {
        continue; // only a damaged file holds a line that parses with a beacon inside that does not
      }
      beacons.push({ beacon, receivedAt: item[0], json: item[1] });
    }
    entries.push({ id: raw.id, beacons, duplicates: typeof raw.d === 'number' ? raw.d : 0 });
  }
  return entries;
}

async function syncDirectory(dir: string, openFile: NonNullable<IngestJournalOptions['openFile']>): Promise<void> {
  const handle = await openFile(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a directory; their file creation is durable enough for them.
  } finally {
    await handle.close();
  }
}
