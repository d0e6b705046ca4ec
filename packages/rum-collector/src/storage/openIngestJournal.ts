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

  let current: { handle: JournalFile; path: string; bytes: number; lastId: number } | undefined;
  let closed = false;

  const startSegment = async () => {
    const path = join(dir, `segment-${lastId + 1}.ndjson`);
    const handle = await openFile(path, 'a');
    // The new file's directory entry must be durable too, or a crash could lose the whole file.
    await syncDirectory(dir, openFile);
    current = { handle, path, bytes: 0, lastId };
  };

  const appendNow = async (beacons: readonly ReceivedBeacon[], duplicates: number): Promise<number> => {
    if (closed) throw new Error('the ingest journal is closed');
    if (!current || current.bytes >= segmentBytes) {
      if (current) {
        await current.handle.close();
        segments.push({ path: current.path, lastId: current.lastId });
      }
      await startSegment();
    }
    const segment = current!;
    const id = ++lastId;
    const line = `${JSON.stringify({ id, d: duplicates, b: beacons.map((r) => [r.receivedAt, r.json ?? JSON.stringify(r.beacon)]) })}\n`;
    const bytes = Buffer.from(line);
    try {
      await segment.handle.write(bytes);
      await segment.handle.datasync();
    } catch (error) {
      // A failed write may have left a torn line, and a good line appended after it would be unreadable: the next
      // append starts a new segment. This one is kept until released: it may hold earlier, unstored entries.
      current = undefined;
      segments.push({ path: segment.path, lastId: segment.lastId });
      await segment.handle.close().catch(() => undefined);
      throw error;
    }
    segment.bytes += bytes.length;
    segment.lastId = id;
    return id;
  };

  // Appends run one at a time, so ids, file order and completion order agree: recovery and release rely on it.
  let tail: Promise<unknown> = Promise.resolve();

  const journal: IngestJournal = {
    append(beacons, duplicates) {
      const run = tail.then(() => appendNow(beacons, duplicates));
      tail = run.catch(() => undefined);
      return run;
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
      await tail;
      closed = true;
      await current?.handle.close();
      if (current) segments.push({ path: current.path, lastId: current.lastId });
      current = undefined;
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
