// create-pronto's CLI on a small template: arguments, exit codes, the files it writes and what it prints.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../packages/create-pronto/src/runCli.mjs';

const temp = mkdtempSync(join(tmpdir(), 'create-pronto-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const templateDir = join(temp, 'template');
mkdirSync(join(templateDir, 'src'), { recursive: true });
writeFileSync(
  join(templateDir, 'package.json'),
  JSON.stringify({ name: '{{name}}', dependencies: { '@pronto/rum': '^0.1.0', react: '^19' } }),
);
writeFileSync(join(templateDir, 'README.md'), '# {{name}}\n');
writeFileSync(join(templateDir, 'gitignore'), 'node_modules/\n');
writeFileSync(join(templateDir, 'src/main.tsx'), 'export {};\n');

/**
 * Runs the CLI in `temp`, collecting what it prints.
 * @param {string[]} argv
 */
function cli(...argv) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const err = [];
  const code = runCli(argv, {
    templateDir,
    cwd: temp,
    version: '9.9.9',
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('create-pronto', () => {
  it('prints usage on stdout for --help and -h, and the version for --version', () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = cli(flag);
      assert.equal(code, 0);
      assert.match(out, /^Usage: npm create pronto@latest/);
      assert.equal(err, '');
    }
    assert.deepEqual(cli('--version'), { code: 0, out: '9.9.9', err: '' });
  });
  it('exits 2 on a usage error', () => {
    assert.equal(cli('--colour').code, 2);
    assert.equal(cli('a', 'b').code, 2);
  });
  it('writes the app with its name, its .gitignore, and the next steps', () => {
    const { code, out } = cli('My Shop');
    assert.equal(code, 0);
    const dir = join(temp, 'My Shop');
    assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name, 'my-shop');
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), '# my-shop\n');
    assert.ok(existsSync(join(dir, '.gitignore')) && !existsSync(join(dir, 'gitignore')));
    assert.ok(existsSync(join(dir, 'src/main.tsx')));
    assert.match(out, /cd "My Shop"\n {2}npm install && npm start .*\n {2}npm ci && npm test/);
  });
  it('takes --name, and the default folder', () => {
    assert.equal(cli('--name', 'shop-web').code, 0);
    assert.equal(JSON.parse(readFileSync(join(temp, 'pronto-app/package.json'), 'utf8')).name, 'shop-web');
  });
  it('refuses a folder that is not empty', () => {
    const { code, err } = cli('pronto-app');
    assert.equal(code, 1);
    assert.match(err, /not empty/);
  });
  it('points @pronto/* at tarballs with --tarballs, and names a missing one', () => {
    const tarballs = join(temp, 'tarballs');
    mkdirSync(tarballs);
    assert.match(cli('no-tarball', '--tarballs', 'tarballs').err, /No tarball for @pronto\/rum/);
    assert.equal(existsSync(join(temp, 'no-tarball')), false);
    writeFileSync(join(tarballs, 'pronto-rum-0.1.0.tgz'), '');
    assert.equal(cli('with-tarball', '--tarballs', 'tarballs').code, 0);
    const { dependencies } = JSON.parse(readFileSync(join(temp, 'with-tarball/package.json'), 'utf8'));
    assert.deepEqual(dependencies, { '@pronto/rum': `file:${join(tarballs, 'pronto-rum-0.1.0.tgz')}`, react: '^19' });
  });
});
