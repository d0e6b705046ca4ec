// `npm pack` of every public package: the exact tarballs a registry would serve, so consumers are tested
// without workspace links.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspacePackages } from './workspacePackages.mjs';

const run = promisify(execFile);

/**
 * Packs every package in packages/ into `outDir`. The libraries need a built dist/ (they have no prepack step);
 * create-pronto builds its template in prepack.
 * @param {string} outDir
 * @returns {Promise<Map<string, string>>} package name -> absolute tarball path
 */
export async function packPackages(outDir) {
  mkdirSync(outDir, { recursive: true });
  const tarballs = new Map();
  for (const { dir, manifest } of workspacePackages()) {
    if (manifest.exports && !existsSync(join(dir, 'dist')))
      throw new Error(`${manifest.name} has no dist/; run \`npm run build:packages\` first.`);
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', outDir], {
      cwd: dir,
      maxBuffer: 64 << 20,
    });
    // npm prints the output of prepack scripts before the JSON.
    const [{ filename, files }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
    /** @type {string[]} */
    const declared = (manifest.files ?? []).filter((/** @type {string} */ entry) => !entry.startsWith('!'));
    const empty = declared.filter(
      (entry) =>
        !files.some((/** @type {{ path: string }} */ file) => file.path === entry || file.path.startsWith(`${entry}/`)),
    );
    if (empty.length)
      throw new Error(
        `${manifest.name}: the tarball has nothing of ${empty.join(', ')}; run \`npm run build:packages\` first.`,
      );
    tarballs.set(manifest.name, join(outDir, filename));
  }
  return tarballs;
}
