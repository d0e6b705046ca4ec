import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBeacon } from '../test-utils/makeBeacon.js';
import { open } from 'node:fs/promises';
import { openIngestJournal, type JournalFile } from './openIngestJournal.js';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rum-journal-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openIngestJournal', () => {
  it('resolves an append (what the answer waits for) only after its line is written and fdatasynced', async () => {
    const dir = newDir();
    const steps: string[] = [];
    // The real files, through a wrapper that records what happens to them, in order.
    const openFile = async (path: string, flags: 'a' | 'r'): Promise<JournalFile> => {
      const handle = await open(path, flags);
      const name = path === dir ? 'dir' : 'segment';
      return {
        write: (async (...args: Parameters<typeof handle.write>) => {
          const written = await handle.write(...args);
          steps.push(`${name}: write`);
          return written;
        }) as JournalFile['write'],
        datasync: async () => {
          await handle.datasync();
          steps.push(`${name}: datasync`);
        },
        sync: async () => {
          await handle.sync();
          steps.push(`${name}: sync`);
        },
        close: () => handle.close(),
      };
    };
    const { journal } = await openIngestJournal(dir, { openFile });
    await journal.append([{ beacon: makeBeacon(), receivedAt: 1 }], 0);
    steps.push('append resolved');
    await journal.append([{ beacon: makeBeacon({ seq: 2 }), receivedAt: 2 }], 0);
    steps.push('append resolved');
    await journal.close();
    // The first append also makes the new segment's directory entry durable.
    expect(steps).toEqual([
      'dir: sync',
      'segment: write',
      'segment: datasync',
      'append resolved',
      'segment: write',
      'segment: datasync',
      'append resolved',
    ]);
  });

  it('gives back, after a crash, every appended entry newer than what the store has', async () => {
    const dir = newDir();
    const a = makeBeacon();
    const b = makeBeacon({ seq: 3 });
    const first = await openIngestJournal(dir);
    expect(first.leftover).toEqual([]);
    expect(await first.journal.append([{ beacon: a, receivedAt: 10 }], 0)).toBe(1);
    expect(await first.journal.append([{ beacon: b, receivedAt: 11, json: JSON.stringify(b) }], 2)).toBe(2);
    // No close(): the process died.

    const again = await openIngestJournal(dir, { storedUpTo: 1 });
    expect(again.leftover).toEqual([
      { id: 2, beacons: [{ beacon: b, receivedAt: 11, json: JSON.stringify(b) }], duplicates: 2 },
    ]);
    // Ids continue after the highest one on disk, never reusing one the store may have recorded.
    expect(await again.journal.append([], 1)).toBe(3);
    await again.journal.close();
  });

  it('ignores a torn last line (written when the process died, so never acknowledged)', async () => {
    const dir = newDir();
    const { journal } = await openIngestJournal(dir);
    await journal.append([{ beacon: makeBeacon(), receivedAt: 1 }], 0);
    await journal.close();
    const [segment] = readdirSync(dir);
    appendFileSync(join(dir, segment!), '{"id":2,"d":0,"b":[[2,"{\\"v\\":1');
    const reopened = await openIngestJournal(dir);
    expect(reopened.leftover.map((entry) => entry.id)).toEqual([1]);
    await reopened.journal.close();
  });

  it('starts a new segment past segmentBytes and deletes segments once the store has all of them', async () => {
    const dir = newDir();
    const { journal } = await openIngestJournal(dir, { segmentBytes: 1 });
    for (let i = 0; i < 3; i++) await journal.append([{ beacon: makeBeacon(), receivedAt: i }], 0);
    expect(readdirSync(dir).sort()).toEqual(['segment-1.ndjson', 'segment-2.ndjson', 'segment-3.ndjson']);
    await journal.release(2);
    expect(readdirSync(dir)).toEqual(['segment-3.ndjson']);
    await journal.close();
    await journal.release(3);
    expect(readdirSync(dir)).toEqual([]);
    await expect(journal.append([], 0)).rejects.toThrow(/closed/);
  });

  it('writes concurrent appends one at a time, ids in file order', async () => {
    const dir = newDir();
    const { journal } = await openIngestJournal(dir);
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => journal.append([{ beacon: makeBeacon(), receivedAt: i }], 0)),
    );
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const reopened = await openIngestJournal(dir);
    expect(reopened.leftover.map((entry) => entry.id)).toEqual(ids);
    expect(reopened.leftover.map((entry) => entry.beacons[0]!.receivedAt)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    await journal.close();
    await reopened.journal.close();
  });

  it('writes the next line while the previous fdatasync runs, and answers in id order', async () => {
    const dir = newDir();
    const steps: string[] = [];
    let releaseFirstSync!: () => void;
    const firstSyncHeld = new Promise<void>((resolve) => (releaseFirstSync = resolve));
    const openFile = segmentFilesWith(dir, {
      afterWrite: () => steps.push('write'),
      beforeSync: async (n) => {
        if (n === 1) await firstSyncHeld;
      },
      afterSync: (n) => steps.push(`datasync ${n}`),
    });
    const { journal } = await openIngestJournal(dir, { openFile });
    const first = journal.append([{ beacon: makeBeacon(), receivedAt: 1 }], 0).then((id) => steps.push(`answer ${id}`));
    const second = journal
      .append([{ beacon: makeBeacon(), receivedAt: 2 }], 0)
      .then((id) => steps.push(`answer ${id}`));
    await expect.poll(() => steps).toEqual(['write', 'write', 'datasync 2']);
    releaseFirstSync();
    await Promise.all([first, second]);
    expect(steps).toEqual(['write', 'write', 'datasync 2', 'datasync 1', 'answer 1', 'answer 2']);
    await journal.close();
  });

  it('after a failed fdatasync acknowledges nothing written after it in that segment, and goes on in a new one', async () => {
    const dir = newDir();
    let secondWritten!: () => void;
    const bothWritten = new Promise<void>((resolve) => (secondWritten = resolve));
    const openFile = segmentFilesWith(dir, {
      afterWrite: (n) => {
        if (n === 2) secondWritten();
      },
      // The first sync fails once the second line is already written behind the first.
      beforeSync: async (n) => {
        if (n !== 1) return;
        await bothWritten;
        throw new Error('EIO');
      },
    });
    const { journal } = await openIngestJournal(dir, { openFile });
    const beacon = (receivedAt: number) => [{ beacon: makeBeacon(), receivedAt }];
    const [a, b] = await Promise.allSettled([journal.append(beacon(1), 0), journal.append(beacon(2), 0)]);
    expect(a).toMatchObject({ status: 'rejected', reason: new Error('EIO') });
    expect(b).toMatchObject({
      status: 'rejected',
      reason: new Error('an earlier write to this journal segment failed'),
    });
    expect(await journal.append(beacon(3), 0)).toBe(3);
    await journal.close();
    expect(readdirSync(dir).sort()).toEqual(['segment-1.ndjson', 'segment-3.ndjson']);
  });
});

/**
 * Opens the journal's files for real, calling the hooks around each segment file's writes and syncs (numbered from 1
 * across files); the directory is opened as is.
 */
function segmentFilesWith(
  dir: string,
  hooks: {
    afterWrite?: (n: number) => void;
    beforeSync?: (n: number) => Promise<void>;
    afterSync?: (n: number) => void;
  },
) {
  let writes = 0;
  let syncs = 0;
  return async (path: string, flags: 'a' | 'r'): Promise<JournalFile> => {
    const handle = await open(path, flags);
    if (path === dir) return handle;
    return {
      write: (async (...args: Parameters<typeof handle.write>) => {
        const written = await handle.write(...args);
        hooks.afterWrite?.(++writes);
        return written;
      }) as JournalFile['write'],
      datasync: async () => {
        const n = ++syncs;
        await hooks.beforeSync?.(n);
        await handle.datasync();
        hooks.afterSync?.(n);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  };
}
