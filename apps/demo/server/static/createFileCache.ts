import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { ContentCoding } from '../http/negotiateEncoding.js';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A file held in memory with its compressed forms, each made once. */
export interface CachedFile {
  /** Strong validator of the content (a hash, so it survives redeploys of identical files). */
  readonly etag: string;
  readonly identity: Buffer;
  /** The content in `coding`; compressed on first use, then kept. */
  encoded(coding: ContentCoding): Promise<Buffer>;
}

/** Options of {@link createFileCache}. */
export interface FileCacheOptions {
  /** Total bytes kept (originals and compressed copies); the least recently used files go first. @default 134217728 */
  maxBytes?: number;
}

/** Files by absolute path, revalidated against their mtime and size on every use. */
export interface FileCache {
  get(path: string, stats: Stats): Promise<CachedFile>;
}

interface Entry extends CachedFile {
  version: string;
  bytes: number;
}

/** Creates an in-memory cache of static files and their brotli and gzip forms. */
export function createFileCache({ maxBytes = 128 * 1024 * 1024 }: FileCacheOptions = {}): FileCache {
  // Map order is use order (re-inserted on every hit): the first entries are the least recently used.
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<Entry>>();

  function evict(): void {
    // A site holds hundreds of files, not millions: summing on demand keeps the accounting simple and exact.
    let total = 0;
    for (const entry of entries.values()) total += entry.bytes;
    for (const [path, entry] of entries) {
      if (total <= maxBytes) return;
      entries.delete(path);
      total -= entry.bytes;
    }
  }

  async function load(path: string, version: string): Promise<Entry> {
    const identity = await readFile(path);
    const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
    const encodings = new Map<ContentCoding, Promise<Buffer>>([['identity', Promise.resolve(identity)]]);
    const entry: Entry = {
      etag,
      identity,
      version,
      bytes: identity.length,
      encoded(coding) {
        let pending = encodings.get(coding);
        if (!pending) {
          // Static files are compressed once, so the slowest, smallest setting is worth it.
          pending =
            coding === 'br'
              ? brotliAsync(identity, {
                  params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length },
                })
              : gzipAsync(identity, { level: 9 });
          encodings.set(coding, pending);
          void pending.then(
            (buffer) => {
              entry.bytes += buffer.length;
              evict();
            },
            () => encodings.delete(coding),
          );
        }
        return pending;
      },
    };
    return entry;
  }

  return {
    async get(path, stats) {
      const version = `${stats.mtimeMs}:${stats.size}`;
      const cached = entries.get(path);
      if (cached?.version === version) {
        entries.delete(path);
        entries.set(path, cached);
        return cached;
      }
      const key = `${path}\0${version}`;
      let pending = loading.get(key);
      if (!pending) {
        pending = load(path, version).finally(() => loading.delete(key));
        loading.set(key, pending);
      }
      const entry = await pending;
      entries.delete(path);
      entries.set(path, entry);
      evict();
      return entry;
    },
  };
}
