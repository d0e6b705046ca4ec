// Builds a fresh app outside the workspace, the way a user would: copy the fixture, depend on the packed
// tarballs (no workspace links) and on the same tool versions the monorepo uses, install, type-check, build.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../lib/workspacePackages.mjs';

const run = promisify(execFile);
const fixtureDir = new URL('./fixture/', import.meta.url);

/**
 * The version of a tool installed in the monorepo, so the app tests the same toolchain (and installs from cache).
 * @param {string} name
 * @returns {string}
 */
export function installedVersion(name) {
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * The fixture's package.json: @pronto/* from tarballs, React 19 at runtime and React 19 types.
 * @param {Map<string, string>} tarballs package name -> tarball path
 */
export function consumerManifest(tarballs) {
  const pronto = Object.fromEntries([...tarballs].map(([name, path]) => [name, `file:${path}`]));
  return {
    name: 'pronto-consumer',
    private: true,
    type: 'module',
    scripts: {
      typecheck: 'tsc -p tsconfig.json && tsc -p tsconfig.node.json',
      'typecheck:react18': 'tsc -p tsconfig.react18.json',
      build: 'vite build',
    },
    dependencies: {
      ...pronto,
      react: installedVersion('react'),
      'react-dom': installedVersion('react-dom'),
    },
    devDependencies: {
      '@types/node': installedVersion('@types/node'),
      '@types/react': installedVersion('@types/react'),
      '@types/react-dom': installedVersion('@types/react-dom'),
      '@vitejs/plugin-react': installedVersion('@vitejs/plugin-react'),
      // @pronto/lazy-image/vite encodes images with sharp, an optional peer the app installs itself.
      sharp: installedVersion('sharp'),
      typescript: installedVersion('typescript'),
      vite: installedVersion('vite'),
    },
  };
}

/**
 * Runs a command in `cwd`; on failure the error carries the command's whole output.
 * @param {string} cwd
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, timeout?: number }} [options]
 */
export async function runIn(cwd, command, args, options = {}) {
  try {
    return await run(command, args, { cwd, maxBuffer: 64 << 20, ...options });
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stdout}${stderr}`, { cause: error });
  }
}

/**
 * Creates the app in a new folder under os.tmpdir() and installs it.
 * @param {Map<string, string>} tarballs package name -> tarball path
 * @returns {Promise<string>} the app's folder
 */
export async function createConsumerApp(tarballs) {
  const dir = mkdtempSync(join(tmpdir(), 'pronto-consumer-'));
  cpSync(fixtureDir, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(consumerManifest(tarballs), null, 2)}\n`);
  // --prefer-offline: everything but the React 18 types is in the npm cache already.
  const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'];
  await runIn(dir, 'npm', install);
  // React 18's types in their own folder: @types/react-dom@18 peers on @types/react@18, which cannot sit next to
  // the app's React 19 types. tsconfig.react18.json maps "react" and "react-dom" there with `paths`.
  await runIn(join(dir, 'react18-types'), 'npm', install);
  return dir;
}
