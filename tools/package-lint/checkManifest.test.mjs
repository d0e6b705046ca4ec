import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkManifest, packageNameOf } from './checkManifest.mjs';

const good = {
  name: '@pronto/example',
  type: 'module',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  types: './dist/index.d.ts',
  sideEffects: false,
  files: ['dist'],
  engines: { node: '>=20.19' },
  license: 'MIT',
  dependencies: { 'web-vitals': '^6' },
  peerDependencies: { react: '^18 || ^19', 'react-dom': '^18 || ^19' },
};
const goodImports = [
  { file: 'dist/index.js', specifier: 'react' },
  { file: 'dist/index.js', specifier: 'react/jsx-runtime' },
  { file: 'dist/index.js', specifier: 'web-vitals/attribution' },
  { file: 'dist/index.js', specifier: 'node:path' },
  { file: 'dist/index.js', specifier: './lib.js' },
];

describe('packageNameOf', () => {
  it('keeps the scope and drops subpaths, builtins and paths', () => {
    assert.equal(packageNameOf('@scope/name/sub/path.js'), '@scope/name');
    assert.equal(packageNameOf('react/jsx-runtime'), 'react');
    assert.equal(packageNameOf('node:fs'), undefined);
    assert.equal(packageNameOf('fs/promises'), undefined);
    assert.equal(packageNameOf('./x.js'), undefined);
    assert.equal(packageNameOf('virtual:pwa-register'), undefined);
  });
});

describe('checkManifest', () => {
  it('accepts a complete package whose dependencies match its imports', () => {
    assert.deepEqual(checkManifest(good, goodImports), []);
  });

  it('wants README and licence text in the tarball when the file list is given', () => {
    assert.deepEqual(checkManifest(good, goodImports, ['package.json', 'README.md', 'LICENSE', 'dist/index.js']), []);
    const problems = checkManifest(good, goodImports, ['package.json', 'dist/index.js']);
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /README\.md/);
    assert.match(problems[1] ?? '', /LICENSE/);
  });

  it('names every missing field', () => {
    const problems = checkManifest({ name: 'x' }, []);
    for (const field of ['"type"', '"exports"', '"types"', '"sideEffects"', '"files"', '"engines.node"', '"license"']) {
      assert.ok(
        problems.some((problem) => problem.startsWith(field)),
        `no problem for ${field}: ${problems.join(' | ')}`,
      );
    }
  });

  it('refuses a React peer range that excludes React 18', () => {
    const problems = checkManifest(
      { ...good, peerDependencies: { react: '^19', 'react-dom': '^18 || ^19' } },
      goodImports,
    );
    assert.deepEqual(problems, ['peerDependencies.react is "^19", which refuses react@18.2.0: use "^18 || ^19".']);
  });

  it('refuses React as a dependency', () => {
    const problems = checkManifest({ ...good, dependencies: { ...good.dependencies, react: '^19' } }, goodImports);
    assert.ok(problems.some((problem) => problem.includes('"react" is in "dependencies"')));
  });

  it('finds an import that no dependency covers, and a dependency nothing imports', () => {
    const problems = checkManifest({ ...good, dependencies: { ajv: '^8' } }, goodImports);
    assert.ok(problems.some((problem) => problem.includes('imports "web-vitals" (dist/index.js)')));
    assert.ok(problems.some((problem) => problem.includes('lists "ajv" but no published file imports it')));
  });

  it('counts type-only imports for peers but flags undeclared ones', () => {
    const manifest = { ...good, peerDependencies: { ...good.peerDependencies, vite: '>=6' } };
    const typeImports = [{ file: 'dist/vite.d.ts', specifier: 'vite', typeOnly: true }];
    assert.deepEqual(checkManifest(manifest, [...goodImports, ...typeImports]), []);
    const missing = checkManifest(good, [
      ...goodImports,
      { file: 'dist/x.d.ts', specifier: 'csstype', typeOnly: true },
    ]);
    assert.ok(missing.some((problem) => problem.includes('import types from "csstype"')));
  });
});
