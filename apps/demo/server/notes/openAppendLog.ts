import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

/** A durable, append-only file of JSON records. */
export interface AppendLog<T> {
  /** Records read at open, in write order. */
  readonly records: readonly T[];
  /** Appends records and returns once they are on disk (one write, one fdatasync): a crash after this keeps them. */
  append(records: readonly T[]): Promise<void>;
  /** Replaces the whole log atomically (write a copy, fsync, rename): used to compact it. */
  rewrite(records: readonly T[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens (creating it) a log where each line is `<crc32 hex> <json>\n`. One line is one atomic unit: at open, a
 * torn or zero-filled tail left by a crash mid-append is detected by its checksum and cut off (it was never
 * acknowledged); damage before the tail is reported instead of silently dropping acknowledged data.
 */
export async function openAppendLog<T>(file: string): Promise<AppendLog<T>> {
  await (await open(file, 'a')).close();
  await syncDirectory(dirname(file));
  let handle: FileHandle = await open(file, 'r+');
  const content = await handle.readFile();
  const { records, validBytes } = parseLog<T>(content, file);
  if (validBytes < content.length) {
    await handle.truncate(validBytes);
    await handle.datasync();
  }
  let size = validBytes;

  return {
    records,
    async append(batch) {
      const line = Buffer.concat(batch.map(encodeLine));
      try {
        // write() may write less than asked (disk nearly full, signals): loop until the whole batch is down.
        for (let written = 0; written < line.length;) {
          const { bytesWritten } = await handle.write(line, written, line.length - written, size + written);
          if (bytesWritten === 0) throw new Error(`Could not write to ${file}`);
          written += bytesWritten;
        }
        await handle.datasync();
      } catch (error) {
        // Cut a partial write now, or the next append would land after garbage.
        await handle.truncate(size).catch(() => undefined);
        throw error;
      }
      size += line.length;
    },
    async rewrite(all) {
      const temporary = `${file}.compact`;
      const copy = await open(temporary, 'w');
      const compacted = Buffer.concat(all.map(encodeLine));
      try {
        await copy.writeFile(compacted);
        await copy.datasync();
      } finally {
        await copy.close();
      }
      await handle.close();
      await rename(temporary, file);
      await syncDirectory(dirname(file));
      handle = await open(file, 'r+');
      size = compacted.length;
    },
    close() {
      return handle.close();
    },
  };
}

function encodeLine(record: unknown): Buffer {
  const json = JSON.stringify(record);
  return Buffer.from(`${checksum(json)} ${json}\n`);
}

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

/** Parses every valid line; returns where the valid prefix ends. */
export function parseLog<T>(content: Buffer, file: string): { records: T[]; validBytes: number } {
  const records: T[] = [];
  let offset = 0;
  while (offset < content.length) {
    const end = content.indexOf(0x0a, offset);
    const record = end === -1 ? undefined : decodeLine<T>(content.toString('utf8', offset, end));
    if (record === undefined) {
      // Only the tail may be damaged: if a valid record follows, the damage is not from a crash mid-append.
      const rest = content.toString('utf8', end === -1 ? content.length : end + 1);
      if (rest.split('\n').some((line) => decodeLine(line) !== undefined)) {
        throw new Error(
          `${file} is damaged at byte ${offset}; restore it from a backup or move it away to start empty.`,
        );
      }
      break;
    }
    records.push(record);
    offset = end + 1;
  }
  return { records, validBytes: offset };
}

function decodeLine<T>(line: string): T | undefined {
  if (line.length < 10 || line[8] !== ' ') return undefined;
  const json = line.slice(9);
  if (checksum(json) !== line.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** fsync on the directory makes a new or renamed file's name durable, not only its bytes. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
