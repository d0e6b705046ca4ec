#!/usr/bin/env node
// The bin of `npm create pronto`: the template ships next to this file in template/.
import { readFileSync } from 'node:fs';
import { runCli } from './src/runCli.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
process.exitCode = runCli(process.argv.slice(2), {
  templateDir: new URL('./template/', import.meta.url),
  cwd: process.cwd(),
  version,
});
