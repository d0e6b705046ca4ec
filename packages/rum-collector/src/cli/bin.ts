#!/usr/bin/env node
import { runCli } from './runCli.js';

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});
// `serve` keeps the process alive through its server; only finished commands exit.
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
