import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBinManifest } from './checkBinManifest.mjs';

const good = {
  name: 'create-x',
  type: 'module',
  engines: { node: '>=20.19' },
  license: 'MIT',
  bin: { 'create-x': './index.mjs' },
};
const files = ['README.md', 'LICENSE', 'index.mjs', 'package.json'];

describe('checkBinManifest', () => {
  it('accepts a command package', () => {
    assert.deepEqual(checkBinManifest(good, files), []);
  });
  it('names a command missing from the tarball, missing files and fields, and dependencies', () => {
    const problems = checkBinManifest({ ...good, type: undefined, dependencies: { kleur: '^4' } }, ['package.json']);
    assert.equal(problems.length, 5, problems.join(' | '));
    assert.ok(problems.some((problem) => problem.includes('"bin.create-x" points at ./index.mjs')));
  });
  it('needs a bin', () => {
    const { bin: _bin, ...rest } = good;
    assert.deepEqual(checkBinManifest(rest, files), [
      '"bin" is missing: a package without exports must ship a command.',
    ]);
  });
});
