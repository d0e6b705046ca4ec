// The public packages of the monorepo, read from packages/*/package.json, so every tool sees the same list.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the monorepo root (two levels above tools/lib). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every non-private package under packages/, sorted by folder name.
 * @returns {{ dir: string, folder: string, manifest: Record<string, any> }[]}
 */
export function workspacePackages(root = repoRoot) {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .filter((folder) => existsSync(join(packagesDir, folder, 'package.json')))
    .sort()
    .map((folder) => {
      const dir = join(packagesDir, folder);
      return { dir, folder, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
    })
    .filter((pkg) => pkg.manifest.private !== true);
}
