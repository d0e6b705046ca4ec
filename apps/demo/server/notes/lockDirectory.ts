import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { tryLock } from 'fs-native-extensions';

/** Releases a directory lock. */
export type ReleaseLock = () => Promise<void>;

// Why a lock the kernel holds, not a pid in a file: the old LOCK held the owner's pid, and after a kill -9 the
// restarted server, PID 1 again in its container (or any process that reused the pid), took that pid for a live
// owner and refused to start, forever (issue 13). A kernel lock dies with the process that holds it, with no pid
// and no staleness to guess. Why fs-native-extensions (Holepunch, maintained): it takes an open-file-description
// lock (Linux F_OFD_SETLK; flock on macOS, LockFileEx on Windows) with prebuilt binaries inside the npm tarball,
// so installing downloads and compiles nothing. Unlike a POSIX fcntl lock, an OFD lock also conflicts within one
// process and is not dropped when some other descriptor of the file is closed. Why not proper-lockfile's mtime
// staleness: a restart would wait out the stale period, and a server paused longer than it (a stopped container,
// a long GC) would lose its lock to a second one while still writing.

/**
 * Claims `directory` for this process: an exclusive lock on `directory/LOCK`, held for as long as the file stays
 * open. Two writers appending to the same log would interleave records, so a second server on the same data
 * directory fails at start with a clear error. The operating system releases the lock when the process exits,
 * however it exits (kill -9, crash), so a restart always finds the directory free.
 */
export async function lockDirectory(directory: string): Promise<ReleaseLock> {
  const file = join(directory, 'LOCK');
  // Read-write without truncating: the pid in it belongs to the owner until the lock is ours.
  const handle = await open(file, constants.O_RDWR | constants.O_CREAT, 0o644);
  let locked: boolean;
  try {
    locked = tryLock(handle.fd);
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (!locked) {
    const owner = await readOwner(handle);
    await handle.close();
    throw new Error(
      `${directory} is in use by another running server${owner ? ` (${owner})` : ''}. Stop that server first: ` +
        `the lock on ${file} is released by the operating system as soon as that process exits.`,
    );
  }
  // Only for the message above: the pid is what the owner saw of itself (in a container, often 1).
  await handle.truncate(0);
  await handle.write(`pid ${process.pid} on ${new Date().toISOString()}\n`, 0);
  return async () => {
    await handle.truncate(0);
    // Closing the last descriptor of the file releases the lock.
    await handle.close();
  };
}

async function readOwner(handle: FileHandle): Promise<string> {
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(200), 0, 200, 0);
  return buffer.subarray(0, bytesRead).toString('utf8').trim();
}
