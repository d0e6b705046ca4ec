// `create-pronto [dir] [--name <name>] [--tarballs <folder>]`: what `npm create pronto@latest my-shop` runs.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageNameFor, scaffold } from './scaffold.mjs';

export const USAGE = `Usage: npm create pronto@latest [dir] -- [--name <name>]

Creates an offline-first React + Vite PWA from the Pronto template in <dir> (default: pronto-app).

Options:
  --name <name>         the app's package name (default: made from the folder name)
  --tarballs <folder>   take the @pronto/* packages from the .tgz files in <folder> (npm pack output)
  -h, --help            print this help
  -v, --version         print the version`;

/**
 * Runs the initializer; prints to `out`/`err` and returns the exit code (0 created, 1 failed, 2 usage error).
 * @param {string[]} argv the arguments after the command
 * @param {{ templateDir: string | URL, cwd: string, version: string, out?: (line: string) => void, err?: (line: string) => void }} context
 * @returns {number}
 */
export function runCli(argv, { templateDir, cwd, version, out = console.log, err = console.error }) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        tarballs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    err(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.version) {
    out(version);
    return 0;
  }
  if (positionals.length > 1) {
    err(`Give one target folder, not ${positionals.length}.\n\n${USAGE}`);
    return 2;
  }
  const targetDir = resolve(cwd, positionals[0] ?? 'pronto-app');
  try {
    const { dir, manifest } = scaffold({
      templateDir,
      targetDir,
      name: values.name ?? packageNameFor(targetDir.split(/[\\/]/).pop() ?? ''),
      ...(values.tarballs ? { tarballs: resolve(cwd, values.tarballs) } : {}),
    });
    const fromCwd = relative(cwd, dir);
    const shown = fromCwd.startsWith('..') ? dir : fromCwd || '.';
    out(`Created ${manifest.name} in ${dir}

Next steps:
  cd ${shown.includes(' ') ? JSON.stringify(shown) : shown}
  npm install && npm start    # production build, then http://127.0.0.1:4173
  npm ci && npm test          # types, lint, build, unit tests, size budgets, audits, browser tests`);
    return 0;
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
