#!/usr/bin/env node
// `npm run create-app -- <dir> [--name <name>] [--tarballs <folder>]`: create-pronto, run from the repository.
// The template is built from today's demo into a temporary folder, then create-pronto's own CLI copies it, so
// this and `npm create pronto` make the same app.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/workspacePackages.mjs';
import { runCli } from '../../packages/create-pronto/src/runCli.mjs';
import { buildTemplate } from './buildTemplate.mjs';

// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const { positionals } = parseArgs({
  options: {
    name: { type: 'string' },
    tarballs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  },
  allowPositionals: true,
  strict: false,
});
if (positionals[0] && !relative(repoRoot, resolve(cwd, positionals[0])).startsWith('..')) {
  // Inside the monorepo npm would treat the app as part of the workspace and link the packages.
  console.error(`${resolve(cwd, positionals[0])} is inside the Pronto repository; create the app outside it.`);
  process.exit(1);
}

const temp = mkdtempSync(join(tmpdir(), 'pronto-template-'));
try {
  const templateDir = join(temp, 'template');
  buildTemplate(templateDir);
  const { version } = JSON.parse(
    readFileSync(new URL('../../packages/create-pronto/package.json', import.meta.url), 'utf8'),
  );
  process.exitCode = runCli(process.argv.slice(2), { templateDir, cwd, version });
} finally {
  rmSync(temp, { recursive: true, force: true });
}
