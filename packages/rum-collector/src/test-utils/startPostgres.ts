import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './findPostgresBin.js';

/**
 * Why the PostgreSQL tests cannot run here, or null when they can. Under CI (the `CI` variable set) a missing
 * PostgreSQL throws instead: a suite that skips there would let CI pass without ever testing the store.
 */
export function postgresUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  const found = findPostgresBin({ env });
  if ('bin' in found) return null;
  if (env['CI'] && env['CI'] !== 'false' && env['CI'] !== '0') {
    throw new Error(
      `${found.missing}. CI must run the PostgreSQL storage tests: install PostgreSQL (.ci/run does) or set PG_BIN.`,
    );
  }
  return `${found.missing} (apt-get install postgresql, or set PG_BIN): skipping PostgreSQL storage tests`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL cluster on a free loopback port. */
export interface TestPostgres {
  connectionString: string;
  stop(): void;
}

/**
 * initdb + pg_ctl start in a temp dir. initdb and postgres refuse to run as root, so when we are root the
 * cluster belongs to the `postgres` user and the binaries run through runuser.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const found = findPostgresBin();
  if (!('bin' in found)) throw new Error(found.missing);
  const binDir = found.bin;
  const dir = mkdtempSync(join(tmpdir(), 'rum-pg-'));
  chmodSync(dir, 0o700);
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : undefined;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const pg = (bin: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', user!, '--', join(binDir, bin), ...args]]
      : [join(binDir, bin), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  const port = await freePort();
  pg('initdb', ['-D', data, '-U', 'rum', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Durability stays on (fsync, synchronous_commit) so the store behaves as in production.
  pg('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  return {
    connectionString: `postgres://rum@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
