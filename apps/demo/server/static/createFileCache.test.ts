import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/startTestServer.js';
import { createFileCache } from './createFileCache.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await makeTempDir('cache');
  cleanups.push(dir.remove);
  const file = join(dir.path, name);
  await writeFile(file, content);
  return file;
}

describe('createFileCache', () => {
  it('compresses once and reuses the result', async () => {
    const file = await tempFile('a.js', 'const a = 1;'.repeat(200));
    const cache = createFileCache();
    const entry = await cache.get(file, await stat(file));
    const first = entry.encoded('br');
    expect(entry.encoded('br')).toBe(first);
    expect(brotliDecompressSync(await first).toString()).toBe('const a = 1;'.repeat(200));
    expect(await cache.get(file, await stat(file))).toBe(entry);
  });

  it('reloads a file whose size or mtime changed', async () => {
    const file = await tempFile('a.js', 'one');
    const cache = createFileCache();
    const before = await cache.get(file, await stat(file));
    await writeFile(file, 'two!');
    const after = await cache.get(file, await stat(file));
    expect(after.identity.toString()).toBe('two!');
    expect(after.etag).not.toBe(before.etag);
  });

  it('evicts the least recently used files past its byte budget', async () => {
    const a = await tempFile('a.txt', 'a'.repeat(600));
    const b = await tempFile('b.txt', 'b'.repeat(600));
    const cache = createFileCache({ maxBytes: 1000 });
    const first = await cache.get(a, await stat(a));
    await cache.get(b, await stat(b));
    // a was evicted to make room for b: it is read again, as a new entry.
    expect(await cache.get(a, await stat(a))).not.toBe(first);
  });
});
