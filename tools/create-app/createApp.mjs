// Copies the demo into a standalone app folder: files moved to a flat layout, paths rewritten, its own
// package.json, README, Playwright config, budgets, performance audits and .gitignore.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { repoRoot, workspacePackages } from '../lib/workspacePackages.mjs';
import { appManifest, packageNameFor } from './appManifest.mjs';
import { applyRewrite, appSizeLimit, COPIES, isSkipped, REWRITES } from './rewrites.mjs';

const templateDir = new URL('./template/', import.meta.url);

/**
 * Creates the app in `targetDir`, which must not exist or be empty.
 * @param {string} targetDir
 * @param {{ tarballs?: Map<string, string>, root?: string, name?: string, insideRoot?: boolean }} [options]
 *   `tarballs`: @pronto/* name -> tarball path (dependencies point at them instead of registry versions);
 *   `name`: the app's package name (default: from the folder name); `insideRoot`: allow a folder inside the
 *   repository (the template that create-pronto ships, which is never installed there)
 * @returns {{ dir: string, manifest: Record<string, any> }}
 */
export function createApp(targetDir, { tarballs, root = repoRoot, name, insideRoot = false } = {}) {
  const dir = resolve(targetDir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} exists and is not empty; pick a new folder.`);
  if (!insideRoot && !relative(root, dir).startsWith('..')) {
    // Inside the monorepo npm would treat it as part of the workspace and link the packages.
    throw new Error(`${dir} is inside the Pronto repository; create the app outside it.`);
  }
  mkdirSync(dir, { recursive: true });

  for (const [from, to] of COPIES) {
    const source = join(root, from);
    if (!existsSync(source)) throw new Error(`The template needs ${from}, which does not exist.`);
    cpSync(source, join(dir, to), {
      recursive: true,
      filter: (path) => !isSkipped(relative(root, path).split('\\').join('/')),
    });
  }
  for (const [file, search, replacement, optional = false] of REWRITES) {
    const path = join(dir, file);
    const next = existsSync(path) ? applyRewrite(readFileSync(path, 'utf8'), search, replacement) : undefined;
    if (next !== undefined) writeFileSync(path, next);
    else if (!optional)
      throw new Error(`The demo changed: ${file} no longer contains ${search}; update tools/create-app/rewrites.mjs.`);
  }

  const sizeLimit = appSizeLimit(JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8')));
  writeFileSync(join(dir, '.size-limit.json'), `${JSON.stringify(sizeLimit, null, 2)}\n`);

  const packages = workspacePackages(root).filter((pkg) => pkg.manifest.name.startsWith('@pronto/'));
  const manifest = appManifest({
    name: name ?? packageNameFor(basename(dir)),
    demo: JSON.parse(readFileSync(join(root, 'apps/demo/package.json'), 'utf8')),
    root: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')),
    lock: JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')),
    prontoVersions: new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version])),
    ...(tarballs ? { tarballs } : {}),
  });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  // Files that only the standalone app has: README, Playwright config, .gitignore (stored as "gitignore"
  // because npm drops .gitignore files from tarballs).
  for (const file of readdirSync(templateDir)) {
    const text = readFileSync(new URL(file, templateDir), 'utf8').replaceAll('{{name}}', manifest.name);
    const target = join(dir, file === 'gitignore' ? '.gitignore' : file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return { dir, manifest };
}
