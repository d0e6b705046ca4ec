// Copies the template into a new folder and makes it the user's app: its name, its .gitignore, and (for tests of
// unpublished packages) @pronto/* dependencies pointing at local tarballs.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tarballsIn } from './tarballsIn.mjs';

/** The placeholder the template carries where the app's name goes (package.json and README.md). */
export const NAME_PLACEHOLDER = '{{name}}';

/**
 * A valid npm package name from a folder name.
 * @param {string} folderName
 */
export function packageNameFor(folderName) {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '');
  return name || 'pronto-app';
}

/**
 * The tarball of each @pronto/* dependency of the template, from a folder of `npm pack` output.
 * @param {Record<string, any>} template the template's package.json
 * @param {string} folder
 */
function tarballsFor(template, folder) {
  const names = Object.keys(template.dependencies ?? {}).filter((dependency) => dependency.startsWith('@pronto/'));
  const found = tarballsIn(folder, names);
  const missing = names.filter((dependency) => !found.has(dependency));
  if (missing.length) throw new Error(`No tarball for ${missing.join(', ')} in ${folder} (make them with npm pack).`);
  return found;
}

/**
 * @param {object} options
 * @param {string | URL} options.templateDir the template folder (shipped in the package as template/)
 * @param {string} options.targetDir where the app goes; must not exist or be empty
 * @param {string} options.name the app's package name
 * @param {string} [options.tarballs] a folder of `npm pack` output; @pronto/* dependencies point at it
 * @returns {{ dir: string, manifest: Record<string, any> }}
 */
export function scaffold({ templateDir, targetDir, name, tarballs }) {
  const dir = resolve(targetDir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} exists and is not empty; pick a new folder.`);
  // Tarballs are looked up before anything is written, so a wrong folder leaves nothing behind.
  const templatePath = templateDir instanceof URL ? fileURLToPath(templateDir) : templateDir;
  const template = JSON.parse(readFileSync(join(templatePath, 'package.json'), 'utf8'));
  const local = tarballs ? tarballsFor(template, tarballs) : new Map();
  cpSync(templatePath, dir, { recursive: true });
  // npm leaves .gitignore files out of tarballs, so the template stores it as "gitignore".
  if (existsSync(join(dir, 'gitignore'))) renameSync(join(dir, 'gitignore'), join(dir, '.gitignore'));
  writeFileSync(
    join(dir, 'README.md'),
    readFileSync(join(dir, 'README.md'), 'utf8').replaceAll(NAME_PLACEHOLDER, name),
  );
  const manifest = { ...template, name };
  for (const [dependency, path] of local) manifest.dependencies[dependency] = `file:${path}`;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}
