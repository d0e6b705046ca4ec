import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where to look; tests point these at fakes. */
export interface FindPostgresBinOptions {
  /** `PG_BIN`, when set, is the only place looked in. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Prints the bin directory of the installed PostgreSQL, or throws when there is none. @default `pg_config --bindir` */
  pgConfigBindir?: () => string;
  /** Debian and Ubuntu install each major version in `<root>/<version>/bin`. @default '/usr/lib/postgresql' */
  versionsRoot?: string;
}

/** The directory holding `initdb` and `pg_ctl`, or why none was found. */
export type PostgresBin = { bin: string } | { missing: string };

/**
 * Finds the PostgreSQL server binaries of whatever version is installed: `PG_BIN`, else `pg_config --bindir`, else
 * the newest `/usr/lib/postgresql/<version>/bin`. On Debian, `pg_config` comes with libpq-dev and may name a
 * version whose server is not installed, so every candidate must hold `initdb` and `pg_ctl`.
 */
export function findPostgresBin({
  env = process.env,
  pgConfigBindir = () =>
    execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  versionsRoot = '/usr/lib/postgresql',
}: FindPostgresBinOptions = {}): PostgresBin {
  const hasServer = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const fromEnv = env['PG_BIN'];
  if (fromEnv)
    return hasServer(fromEnv) ? { bin: fromEnv } : { missing: `PG_BIN=${fromEnv} holds no initdb and pg_ctl` };
  const candidates: string[] = [];
  try {
    candidates.push(pgConfigBindir().trim());
  } catch {
    // No pg_config on PATH: the versioned directories may still hold a server.
  }
  const versions = existsSync(versionsRoot)
    ? readdirSync(versionsRoot).filter((name) => /^\d+(\.\d+)?$/.test(name))
    : [];
  // Numerically: "9.6" sorts after "17" as text.
  versions.sort((a, b) => Number(b) - Number(a));
  candidates.push(...versions.map((version) => join(versionsRoot, version, 'bin')));
  const bin = candidates.find(hasServer);
  return bin
    ? { bin }
    : {
        missing: `no PostgreSQL server binaries (initdb, pg_ctl) found via pg_config --bindir or in ${versionsRoot}/*/bin`,
      };
}
