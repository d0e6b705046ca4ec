#!/usr/bin/env node
// `node tools/create-app/buildTemplate.mjs <dir>`: writes the template that create-pronto ships (the demo made
// standalone by createApp, @pronto/* at their registry versions), with the app's name left as a placeholder.
// create-pronto's prepack runs it, so the tarball always carries today's demo.
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAME_PLACEHOLDER } from '../../packages/create-pronto/src/scaffold.mjs';
import { createApp } from './createApp.mjs';

/**
 * Replaces `dir` with a fresh template.
 * @param {string} dir
 */
export function buildTemplate(dir) {
  rmSync(dir, { recursive: true, force: true });
  createApp(dir, { name: NAME_PLACEHOLDER, insideRoot: true });
  // npm drops .gitignore from tarballs; create-pronto renames it back.
  renameSync(resolve(dir, '.gitignore'), resolve(dir, 'gitignore'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('Usage: node tools/create-app/buildTemplate.mjs <dir>');
    process.exit(2);
  }
  buildTemplate(resolve(dir));
}
