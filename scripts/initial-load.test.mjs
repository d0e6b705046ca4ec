import { expect, test } from 'vitest';
import { initialLoadFiles } from './initial-load.mjs';

test('entry, recursive static imports and CSS count; dynamic imports do not', () => {
  const manifest = {
    'index.html': {
      file: 'assets/entry-a.js',
      isEntry: true,
      imports: ['_react.js'],
      dynamicImports: ['lazy.tsx'],
      css: ['assets/entry.css'],
    },
    '_react.js': { file: 'assets/react-vendor-b.js', imports: ['_runtime.js'] },
    '_runtime.js': { file: 'assets/runtime-c.js' },
    'lazy.tsx': { file: 'assets/Lazy-d.js', imports: ['_react.js'], css: ['assets/lazy.css'] },
  };
  expect(initialLoadFiles(manifest)).toEqual([
    'assets/entry-a.js',
    'assets/entry.css',
    'assets/react-vendor-b.js',
    'assets/runtime-c.js',
  ]);
  // With route shells, the first visit of / also downloads what its shell modulepreloads.
  const preloads = {
    routes: [
      { path: '/', files: ['assets/Lazy-d.js'] },
      { path: '/items/:id', files: ['assets/Item-e.js'] },
    ],
  };
  expect(initialLoadFiles(manifest, preloads)).toEqual([
    'assets/Lazy-d.js',
    'assets/entry-a.js',
    'assets/entry.css',
    'assets/react-vendor-b.js',
    'assets/runtime-c.js',
  ]);
});

test('a manifest without an entry is an error, not an empty budget', () => {
  expect(() => initialLoadFiles({ 'a.js': { file: 'assets/a.js' } })).toThrow('no entry chunk');
});
