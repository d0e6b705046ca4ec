import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSourceMaps } from './checkSourceMaps.mjs';

/** @type {Record<string, string>} */
const files = {
  'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }),
  'dist/inline.js.map': JSON.stringify({
    version: 3,
    sources: ['../src/inline.ts'],
    sourcesContent: ['export {}'],
    mappings: '',
  }),
  'src/index.ts': 'export {}',
};
const read = (/** @type {string} */ file) => files[file] ?? '';

describe('checkSourceMaps', () => {
  it('accepts maps whose sources ship or are inlined', () => {
    assert.deepEqual(checkSourceMaps(Object.keys(files), read), []);
  });
  it('names a map whose source is missing', () => {
    const problems = checkSourceMaps(['dist/index.js.map', 'dist/inline.js.map'], read);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^1 source map reference\(s\) .* dist\/index\.js\.map -> src\/index\.ts/);
  });
});
