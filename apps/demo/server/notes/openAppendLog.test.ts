import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/startTestServer.js';
import { openAppendLog } from './openAppendLog.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function logFile(): Promise<string> {
  const dir = await makeTempDir('log');
  cleanups.push(dir.remove);
  return join(dir.path, 'test.log');
}

describe('openAppendLog', () => {
  it('reads back what was appended, in order', async () => {
    const file = await logFile();
    const log = await openAppendLog<{ n: number }>(file);
    await log.append([{ n: 1 }]);
    await log.append([{ n: 2 }]);
    await log.close();
    const reopened = await openAppendLog<{ n: number }>(file);
    expect(reopened.records).toEqual([{ n: 1 }, { n: 2 }]);
    await reopened.close();
  });

  it.each([
    ['a line cut mid-write', '0badc0de {"n":'],
    ['a zero-filled tail', '\0'.repeat(64)],
    ['a complete line with a wrong checksum', '00000000 {"n":3}\n'],
  ])('drops %s at the end (a crash before the acknowledgement) and appends after it', async (_name, tail) => {
    const file = await logFile();
    const log = await openAppendLog<{ n: number }>(file);
    await log.append([{ n: 1 }]);
    await log.close();
    await appendFile(file, tail);
    const recovered = await openAppendLog<{ n: number }>(file);
    expect(recovered.records).toEqual([{ n: 1 }]);
    await recovered.append([{ n: 2 }]);
    await recovered.close();
    const reread = await openAppendLog<{ n: number }>(file);
    expect(reread.records).toEqual([{ n: 1 }, { n: 2 }]);
    await reread.close();
  });

  it('refuses to open a log damaged before its tail instead of losing acknowledged records', async () => {
    const file = await logFile();
    const log = await openAppendLog<{ n: number }>(file);
    await log.append([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await log.close();
    const content = await readFile(file, 'utf8');
    await writeFile(file, content.replace('{"n":2}', '{"n":9}'));
    await expect(openAppendLog(file)).rejects.toThrow(/damaged at byte/);
  });

  it('rewrites atomically and keeps appending after a rewrite', async () => {
    const file = await logFile();
    const log = await openAppendLog<{ n: number }>(file);
    for (const n of [1, 2, 3]) await log.append([{ n }]);
    await log.rewrite([{ n: 3 }]);
    await log.append([{ n: 4 }]);
    await log.close();
    const reread = await openAppendLog<{ n: number }>(file);
    expect(reread.records).toEqual([{ n: 3 }, { n: 4 }]);
    await reread.close();
  });
});
