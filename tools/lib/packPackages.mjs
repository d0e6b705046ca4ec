// `npm pack` of every public package: the exact tarballs a registry would serve, so consumers are tested
// without workspace links.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspacePackages } from './workspacePackages.mjs';

const run = promisify(execFile);

/**
 * Packs every package in packages/ into `outDir` (built dist/ required; the packages have no prepack step).
 * @param {string} outDir
 * @returns {Promise<Map<string, string>>} package name -> absolute tarball path
 */
export async function packPackages(outDir) {
  mkdirSync(outDir, { recursive: true });
  const tarballs = new Map();
  for (const { dir, manifest } of workspacePackages()) {
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${manifest.name} has no dist/; run \`npm run build:packages\` first.`);
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: dir, maxBuffer: 64 << 20 });
    const [{ filename, files }] = JSON.parse(stdout);
    if (!files.some((file) => file.path.startsWith('dist/'))) {
      throw new Error(`${manifest.name}: the tarball has no dist/; run \`npm run build:packages\` first.`);
    }
    tarballs.set(manifest.name, join(outDir, filename));
  }
  return tarballs;
}
