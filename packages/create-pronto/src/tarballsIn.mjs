// Finds the tarball of each package in a folder of `npm pack` output.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * @pronto/* package name -> tarball path, from the file names npm pack gives (`pronto-virtual-list-0.1.0.tgz`).
 * @param {string} folder
 * @param {string[]} packageNames
 * @returns {Map<string, string>}
 */
export function tarballsIn(folder, packageNames) {
  const files = readdirSync(folder).filter((file) => file.endsWith('.tgz'));
  const found = new Map();
  for (const name of packageNames) {
    const prefix = `${name.replace('@', '').replace('/', '-')}-`;
    // The version follows the prefix; "pronto-rum-" must not take "pronto-rum-collector-0.1.0.tgz".
    const matches = files.filter((file) => file.startsWith(prefix) && /^\d/.test(file.slice(prefix.length)));
    if (matches.length > 1) throw new Error(`${folder} holds several tarballs of ${name}: ${matches.join(', ')}`);
    if (matches[0]) found.set(name, join(resolve(folder), matches[0]));
  }
  return found;
}
