#!/usr/bin/env node
// `node tools/package-lint/index.mjs [folder...]`: lints what every package in packages/ would publish, the way a
// consumer receives it. Per package: publint --strict (tarball layout, exports), are-the-types-wrong on the packed
// tarball (profile esm-only: the packages are ESM only, so CommonJS and node10 resolution are out of scope),
// checkManifest (fields, React peer range, dependencies vs. what dist/ really imports), checkMetadata (description,
// keywords, repository/homepage/bugs links, ./package.json export) and checkSourceMaps.
// Exits 1 on any problem.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { init, parse } from 'es-module-lexer';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { repoRoot, workspacePackages } from '../lib/workspacePackages.mjs';
import { checkBinManifest } from './checkBinManifest.mjs';
import { checkManifest } from './checkManifest.mjs';
import { checkMetadata } from './checkMetadata.mjs';
import { checkSourceMaps } from './checkSourceMaps.mjs';

const run = promisify(execFile);
/** Resolutions the esm-only profile leaves out, as attw --profile esm-only does. */
const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

/**
 * Files `npm pack` would put in the tarball.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function packedFiles(dir) {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout)[0].files.map((/** @type {{ path: string }} */ file) => file.path);
}

/**
 * Every import specifier of the published JavaScript files (runtime) and declaration files (types).
 * @param {string} dir
 * @param {string[]} files
 */
function publishedImports(dir, files) {
  /** @type {{ file: string, specifier: string, typeOnly: boolean }[]} */
  const imports = [];
  for (const file of files.filter((path) => /\.m?js$/.test(path))) {
    const [found] = parse(readFileSync(join(dir, file), 'utf8'), file);
    for (const entry of found) if (entry.n) imports.push({ file, specifier: entry.n, typeOnly: false });
  }
  for (const file of files.filter((path) => /\.d\.m?ts$/.test(path))) {
    // es-module-lexer cannot read `import type`; declaration files are simple enough for a pattern once
    // comments (JSDoc examples quote imports) are gone.
    const code = readFileSync(join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(/(?:(?<!['"\w$])from|\bimport\s*\(|^\s*import)\s*['"]([^'"\s][^'"]*)['"]/gm)) {
      if (match[1]) imports.push({ file, specifier: match[1], typeOnly: true });
    }
  }
  return imports;
}

/** @param {string} dir */
async function runPublint(dir) {
  const { messages, pkg } = await publint({ pkgDir: dir, strict: true, pack: 'npm', level: 'suggestion' });
  // --strict turns warnings into errors; suggestions are listed too because they are cheap to follow.
  return messages.map(
    (message) =>
      `publint ${message.type === 'suggestion' ? 'suggestion' : 'error'}: ${formatMessage(message, pkg, { color: false })}`,
  );
}

/**
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function runAttw(dir) {
  const bin = join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, [bin, '--pack', dir, '--profile', 'esm-only', '--format', 'json'], {
      maxBuffer: 256 << 20,
    }));
  } catch (caught) {
    // attw exits 1 when it finds problems but still prints its JSON report.
    const error = /** @type {Error & { stdout?: string, stderr?: string }} */ (caught);
    stdout = error.stdout;
    if (!stdout?.trim().startsWith('{')) return [`attw failed to run: ${error.stderr || error.message}`];
  }
  const report = JSON.parse(stdout);
  /** @type {{ kind: string, entrypoint?: string, resolutionKind?: string }[]} */
  const problems = (report.analysis?.problems ?? report.problems ?? []).filter(
    (/** @type {{ resolutionKind?: string }} */ problem) => !IGNORED_RESOLUTIONS.has(problem.resolutionKind ?? ''),
  );
  if (report.analysis?.types?.kind === 'untyped') problems.push({ kind: 'Untyped' });
  return problems.map(
    (problem) =>
      `attw ${problem.kind}${problem.entrypoint ? ` at "${problem.entrypoint}"` : ''}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ''}`,
  );
}

/**
 * @param {ReturnType<typeof workspacePackages>[number]} pkg
 * @returns {Promise<{ folder: string, name: string, files?: number, problems: string[] }>}
 */
async function lintPackage({ dir, folder, manifest }) {
  if (!manifest.exports) {
    // A command-only package (create-pronto): no library surface for publint or attw to judge.
    const files = await packedFiles(dir);
    return {
      folder,
      name: manifest.name,
      files: files.length,
      problems: [...checkBinManifest(manifest, files), ...checkMetadata(manifest, folder)],
    };
  }
  if (!existsSync(join(dir, 'dist')))
    return { folder, name: manifest.name, problems: ['dist/ is missing: run `npm run build:packages` first.'] };
  const files = await packedFiles(dir);
  const problems = checkManifest(manifest, publishedImports(dir, files), files);
  problems.push(...checkMetadata(manifest, folder));
  problems.push(...checkSourceMaps(files, (file) => readFileSync(join(dir, file), 'utf8')));
  problems.push(...(await runPublint(dir)));
  problems.push(...(await runAttw(dir)));
  return { folder, name: manifest.name, files: files.length, problems };
}

await init;
const only = process.argv.slice(2);
const packages = workspacePackages().filter((pkg) => only.length === 0 || only.includes(pkg.folder));
if (packages.length === 0) {
  console.error(`No package matches ${only.join(', ')}.`);
  process.exit(2);
}
// Two at a time: each one packs twice (publint, attw) and the machine has few cores.
const results = [];
for (let index = 0; index < packages.length; index += 2) {
  results.push(...(await Promise.all(packages.slice(index, index + 2).map(lintPackage))));
}

console.log('Package lint (publint --strict, attw --profile esm-only, manifest checks):');
for (const result of results) {
  console.log(
    `  ${result.problems.length ? 'FAIL' : 'ok  '} ${result.name}${result.files ? ` (${result.files} files packed)` : ''}`,
  );
  for (const problem of result.problems) console.log(`         - ${problem}`);
}
const failed = results.filter((result) => result.problems.length);
if (failed.length) {
  console.error(
    `\n${failed.length} of ${results.length} packages have problems: ${failed.map((result) => result.name).join(', ')}`,
  );
  process.exit(1);
}
console.log(`\nAll ${results.length} packages pass.`);
