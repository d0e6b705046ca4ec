import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Releases a directory lock. */
export type ReleaseLock = () => Promise<void>;

/**
 * Claims `directory` for this process with a LOCK file holding the pid. Two writers appending to the same log
 * would interleave records, so a second server on the same data directory fails at start with a clear error.
 * A lock left by a process that died (kill -9, power loss) is taken over.
 */
export async function lockDirectory(directory: string): Promise<ReleaseLock> {
  const file = join(directory, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    // Write the pid aside, then link it in: the LOCK file appears complete or not at all, never empty.
    const candidate = `${file}.${process.pid}`;
    await writeFile(candidate, String(process.pid));
    try {
      await link(candidate, file);
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `${directory} is in use by process ${owner}${owner === process.pid ? ' (this process)' : ''}. ` +
            `Stop that server first, or delete ${file} if no server is running.`,
          { cause: error },
        );
      }
      await rm(file, { force: true });
    } finally {
      await rm(candidate, { force: true });
    }
  }
  throw new Error(`Could not lock ${directory}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
