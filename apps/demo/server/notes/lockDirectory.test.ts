import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/startTestServer.js';
import { lockDirectory } from './lockDirectory.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir('lock');
});
afterEach(() => temp.remove());

describe('lockDirectory', () => {
  it('refuses a second owner while the first holds the lock (also in one process), and frees it on release', async () => {
    const release = await lockDirectory(temp.path);
    await expect(lockDirectory(temp.path)).rejects.toThrow(
      `${temp.path} is in use by another running server (pid ${process.pid} on `,
    );
    await release();
    expect(await readFile(join(temp.path, 'LOCK'), 'utf8')).toBe('');
    const again = await lockDirectory(temp.path);
    await again();
  });

  // Issue 13: after a kill -9 the restarted server is PID 1 again (or another process got the dead pid), so the
  // pid left in LOCK names a live process. Only a held lock counts.
  it('takes a directory whose LOCK names a live pid (this very process) but is not held', async () => {
    await writeFile(join(temp.path, 'LOCK'), `pid ${process.pid} on 2026-01-01T00:00:00.000Z\n`);
    const release = await lockDirectory(temp.path);
    expect(await readFile(join(temp.path, 'LOCK'), 'utf8')).toMatch(new RegExp(`^pid ${process.pid} on \\d{4}-`));
    await release();
  });
});
