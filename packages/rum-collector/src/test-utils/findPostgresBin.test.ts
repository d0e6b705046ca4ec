import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPostgresBin } from './findPostgresBin.js';
import { postgresUnavailable } from './startPostgres.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rum-pg-bin-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A fake `<root>/<version>/bin`, with the server binaries or (client only) without. */
function install(version: string, { server = true } = {}): string {
  const bin = join(root, version, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const name of server ? ['initdb', 'pg_ctl', 'psql'] : ['psql']) writeFileSync(join(bin, name), '');
  return bin;
}
const noPgConfig = () => {
  throw new Error('pg_config: not found');
};

describe('findPostgresBin', () => {
  it('picks the newest installed major version, compared as numbers', () => {
    install('9.6');
    install('15');
    const newest = install('17');
    expect(findPostgresBin({ env: {}, pgConfigBindir: noPgConfig, versionsRoot: root })).toEqual({ bin: newest });
  });

  it("prefers pg_config's directory, unless it has no server (libpq-dev of another version)", () => {
    const v16 = install('16');
    const v18client = install('18', { server: false });
    expect(findPostgresBin({ env: {}, pgConfigBindir: () => `${v16}\n`, versionsRoot: join(root, 'none') })).toEqual({
      bin: v16,
    });
    expect(findPostgresBin({ env: {}, pgConfigBindir: () => v18client, versionsRoot: root })).toEqual({ bin: v16 });
  });

  it('takes PG_BIN as the only place to look', () => {
    install('17');
    const custom = install('custom');
    expect(findPostgresBin({ env: { PG_BIN: custom }, pgConfigBindir: noPgConfig, versionsRoot: root })).toEqual({
      bin: custom,
    });
    expect(
      findPostgresBin({ env: { PG_BIN: join(root, 'nope') }, pgConfigBindir: noPgConfig, versionsRoot: root }),
    ).toEqual({
      missing: `PG_BIN=${join(root, 'nope')} holds no initdb and pg_ctl`,
    });
  });

  it('says what it looked for when nothing is installed', () => {
    install('15', { server: false });
    expect(findPostgresBin({ env: {}, pgConfigBindir: noPgConfig, versionsRoot: root })).toHaveProperty('missing');
  });
});

describe('postgresUnavailable', () => {
  // PG_BIN pointing nowhere stands for a machine without PostgreSQL.
  const missing = { PG_BIN: '/nonexistent/postgresql/bin' };

  it('skips with a message on a developer machine without PostgreSQL', () => {
    expect(postgresUnavailable(missing)).toMatch(/skipping PostgreSQL storage tests$/);
    expect(postgresUnavailable({ ...missing, CI: 'false' })).toMatch(/skipping/);
  });

  it('fails under CI instead of skipping', () => {
    expect(() => postgresUnavailable({ ...missing, CI: 'true' })).toThrow(/CI must run the PostgreSQL storage tests/);
    expect(() => postgresUnavailable({ ...missing, CI: '1' })).toThrow(/CI must run/);
  });

  it('is null when the binaries are there', () => {
    expect(postgresUnavailable({ CI: 'true', PG_BIN: install('17') })).toBeNull();
  });
});
