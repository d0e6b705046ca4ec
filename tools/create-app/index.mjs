#!/usr/bin/env node
// `npm run create-app -- <dir> [--tarballs <folder>]`: a new app from the Pronto demo. With --tarballs, the
// @pronto/* dependencies point at the .tgz files in that folder (from `npm pack`) instead of registry versions.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from './createApp.mjs';
import { tarballsIn } from './tarballsIn.mjs';

const usage = 'Usage: npm run create-app -- <dir> [--tarballs <folder with pronto-*.tgz>]';

try {
  const { values, positionals } = parseArgs({ options: { tarballs: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error(`Give exactly one target folder.\n${usage}`);
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  const { workspacePackages } = await import('../lib/workspacePackages.mjs');
  const names = workspacePackages().map((pkg) => pkg.manifest.name);
  let tarballs;
  if (values.tarballs) {
    tarballs = tarballsIn(resolve(process.env.INIT_CWD ?? process.cwd(), values.tarballs), names);
    const missing = names.filter((name) => !tarballs.has(name));
    if (missing.length) throw new Error(`No tarball for ${missing.join(', ')} in ${values.tarballs} (make them with npm pack).`);
  }
  const { dir, manifest } = createApp(target, tarballs ? { tarballs } : {});
  console.log(`Created ${manifest.name} in ${dir}\n\nNext:\n  cd ${dir}\n  npm install\n  npm start        # builds, then serves on http://127.0.0.1:4173\n  npm test         # types, lint, build, unit, size budgets, performance audits, browser tests`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
