import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expectedLinks } from '../lib/projectLinks.mjs';
import { workspacePackages } from '../lib/workspacePackages.mjs';
import { checkMetadata } from './checkMetadata.mjs';

const good = {
  name: '@pronto/example',
  description: 'An example.',
  keywords: ['react'],
  ...expectedLinks('example'),
  exports: { '.': './dist/index.js', './package.json': './package.json' },
};

describe('checkMetadata', () => {
  it('accepts a complete package.json', () => {
    assert.deepEqual(checkMetadata(good, 'example'), []);
  });
  it('names each missing or wrong field', () => {
    const { description: _d, keywords: _k, homepage: _h, ...rest } = good;
    const problems = checkMetadata(
      {
        ...rest,
        bugs: 'https://example.com',
        repository: { ...good.repository, directory: 'packages/other' },
        exports: { '.': './dist/index.js' },
      },
      'example',
    );
    for (const field of ['description', 'keywords', 'repository', 'homepage', 'bugs', 'exports']) {
      assert.ok(
        problems.some((problem) => problem.startsWith(`"${field}"`)),
        `no problem for ${field}: ${problems.join(' | ')}`,
      );
    }
    assert.equal(problems.length, 6);
  });
  it('rejects empty keywords', () => {
    assert.equal(checkMetadata({ ...good, keywords: [] }, 'example').length, 1);
  });
  it('holds for every package of the repository (no build needed)', () => {
    for (const { dir, folder } of workspacePackages()) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      assert.deepEqual(checkMetadata(manifest, folder), [], folder);
    }
  });
});
